namespace K8sGpt.Core.Findings;

/// <summary>
/// Everything wrong with one object, as reported by one analyzer.
/// </summary>
public sealed record Finding
{
    /// <summary>Result kind as users know it (<c>Pod</c>, <c>Deployment</c>, ...).</summary>
    public required string Kind { get; init; }

    /// <summary>Namespace of the object, or empty when cluster-scoped.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Name of the object itself.</summary>
    public required string ObjectName { get; init; }

    /// <summary>Display name: <c>namespace/name</c>, or <c>name</c> when cluster-scoped.</summary>
    public string Name => Namespace.Length == 0 ? ObjectName : $"{Namespace}/{ObjectName}";

    public string Uid { get; init; } = "";

    public required IReadOnlyList<Failure> Failures { get; init; }

    /// <summary>Top-most owner resolved through owner references, as <c>Kind/name</c>, or empty.</summary>
    public string ParentObject { get; init; } = "";

    /// <summary>
    /// A description asked for by name (the Prometheus relabel report), not a fault: listed with the results but not
    /// counted in <see cref="AnalysisReport.Problems"/>, so it neither sets <c>ProblemDetected</c> nor fails a CI gate.
    /// </summary>
    public bool Informational { get; init; }

    /// <summary>Plain-words explanation from an AI backend, or empty.</summary>
    public string Details { get; init; } = "";
}
