using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Findings;

/// <summary>
/// The outcome of one analysis run: what every door (CLI, gRPC, HTTP, MCP) renders.
/// </summary>
public sealed record AnalysisReport
{
    /// <summary>AI provider used for explanations, or empty when none was used.</summary>
    public string Provider { get; init; } = "";

    /// <summary>Warnings and errors that did not stop the run.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Informational notes (for example analyzers skipped because an API is not served).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Findings ordered by kind, namespace and name.</summary>
    public IReadOnlyList<Finding> Results { get; init; } = [];

    public IReadOnlyList<AnalyzerStat> Stats { get; init; } = [];

    /// <summary>Facts about the snapshot analysed (source, API request count, list timings).</summary>
    public SnapshotFacts Snapshot { get; init; } = new();

    /// <summary>Number of failure entries over all results that report faults (informational ones excluded).</summary>
    public int Problems => Results.Where(static r => !r.Informational).Sum(static r => r.Failures.Count);

    /// <summary><c>OK</c> or <c>ProblemDetected</c>, as the reference tool reports it.</summary>
    public string Status => Problems > 0 ? "ProblemDetected" : "OK";
}
