using K8sGpt.Core.Findings;

namespace K8sGpt.Server.CustomAnalyzers;

/// <summary>What the custom analyzers found, and the analyzers that could not be asked.</summary>
public sealed record CustomAnalysisOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Errors)
{
    /// <summary>The report with these findings merged in (ordered by kind, namespace and name) and errors appended.</summary>
    public AnalysisReport MergeInto(AnalysisReport report) => report with
    {
        Results = report.Results
            .Concat(Findings)
            .OrderBy(static f => f.Kind, StringComparer.Ordinal)
            .ThenBy(static f => f.Namespace, StringComparer.Ordinal)
            .ThenBy(static f => f.ObjectName, StringComparer.Ordinal)
            .ToArray(),
        Errors = [.. report.Errors, .. Errors],
    };
}
