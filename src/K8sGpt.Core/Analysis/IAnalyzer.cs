using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>
/// A pure check over a snapshot. Analyzers do no I/O: every object they need is declared in <see cref="Reads"/>
/// and loaded up front by the cluster source.
/// </summary>
public interface IAnalyzer
{
    /// <summary>Filter name, as users pass it to <c>--filter</c> (<c>Pod</c>, <c>Deployment</c>, ...).</summary>
    string Name { get; }

    AnalyzerTier Tier { get; }

    /// <summary>Resource types this analyzer reads.</summary>
    IReadOnlyList<ResourceRead> Reads { get; }

    /// <summary>Finds problems. Per-object exceptions go to <see cref="AnalyzerContext.ReportError(string, Exception)"/>, not up the stack.</summary>
    IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context);
}
