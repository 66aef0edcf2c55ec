namespace K8sGpt.Core.Analysis;

/// <summary>What a door (CLI, gRPC, HTTP, MCP) asks the analysis path to do.</summary>
public sealed record AnalysisRequest
{
    /// <summary>Filter names asked for explicitly; empty means "active filters from config, else the defaults".</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    public string Namespace { get; init; } = "";

    public string LabelSelector { get; init; } = "";

    /// <summary>How many analyzers run at once (1..100; other values take the default).</summary>
    public int MaxConcurrency { get; init; } = DefaultConcurrency;

    public bool WithStats { get; init; }

    public const int DefaultConcurrency = 10;

    public const int MaxAllowedConcurrency = 100;

    /// <summary>Concurrency clamped as the reference does: ≤0 means the default, above 100 means 100.</summary>
    public int EffectiveConcurrency => MaxConcurrency <= 0 ? DefaultConcurrency : Math.Min(MaxConcurrency, MaxAllowedConcurrency);
}
