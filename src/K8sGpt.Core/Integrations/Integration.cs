using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations;

/// <summary>
/// An integration: a tool installed in the cluster (KEDA, Kyverno, ...) whose resources some analyzers read.
/// It is active when one of its analyzers is in <c>active_filters</c>; k8sgpt never installs it.
/// </summary>
/// <param name="Name">Name users pass to <c>k8sgpt integration activate</c>.</param>
/// <param name="Description">One line saying what it checks.</param>
/// <param name="Analyzers">Filter names of its analyzers.</param>
/// <param name="Resources">Custom resources it needs the cluster to serve (empty when it needs none).</param>
/// <param name="InstallHint">How to install what it needs, shown when a resource is missing.</param>
public sealed record Integration(
    string Name,
    string Description,
    IReadOnlyList<string> Analyzers,
    IReadOnlyList<ResourceType> Resources,
    string InstallHint)
{
    /// <summary>Analyzers that only describe (not fault detectors): listed, but not added by activation; they run when named in <c>--filter</c>.</summary>
    public IReadOnlyList<string> Informational { get; init; } = [];

    /// <summary>The analyzers activation adds to <c>active_filters</c>.</summary>
    public IReadOnlyList<string> Activated => [.. Analyzers.Except(Informational, StringComparer.Ordinal)];

    /// <summary>Whether one of its analyzers is in the active filters.</summary>
    public bool IsActive(IReadOnlyList<string> activeFilters) =>
        Analyzers.Any(a => activeFilters.Contains(a, StringComparer.OrdinalIgnoreCase));
}
