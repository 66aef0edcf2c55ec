using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>
/// The settings k8sgpt keeps in <c>k8sgpt.yaml</c>, with the reference tool's keys so existing files load unchanged.
/// Keys this version does not know are kept in <see cref="Extra"/> and written back untouched.
/// </summary>
public sealed record K8sGptConfig
{
    public static readonly K8sGptConfig Empty = new();

    /// <summary><c>ai</c>: AI providers and the default one.</summary>
    public AiConfig Ai { get; init; } = new();

    /// <summary><c>active_filters</c>: the analyzers that run when no <c>--filter</c> is given.</summary>
    public IReadOnlyList<string> ActiveFilters { get; init; } = [];

    /// <summary><c>cache</c>: where explanations are cached.</summary>
    public CacheConfig Cache { get; init; } = new();

    /// <summary><c>custom_analyzers</c>: remote analyzers called over gRPC.</summary>
    public IReadOnlyList<CustomAnalyzerConfig> CustomAnalyzers { get; init; } = [];

    /// <summary>Top-level keys this version does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, YamlNode> Extra { get; init; } = new Dictionary<string, YamlNode>();
}
