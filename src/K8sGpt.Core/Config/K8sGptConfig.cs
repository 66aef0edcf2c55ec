namespace K8sGpt.Core.Config;

/// <summary>
/// The settings k8sgpt reads from <c>k8sgpt.yaml</c> (keys as the reference tool writes them).
/// </summary>
public sealed record K8sGptConfig
{
    public static readonly K8sGptConfig Empty = new();

    /// <summary><c>active_filters</c>: the analyzers that run when no <c>--filter</c> is given.</summary>
    public IReadOnlyList<string> ActiveFilters { get; init; } = [];
}
