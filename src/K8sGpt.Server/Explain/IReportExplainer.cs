using K8sGpt.Core.Findings;

namespace K8sGpt.Server.Explain;

/// <summary>
/// Fills <see cref="Finding.Details"/> of a report with explanations from an AI backend. Failures of single AI
/// calls go into <see cref="AnalysisReport.Errors"/>; the results are returned regardless.
/// </summary>
public interface IReportExplainer
{
    Task<AnalysisReport> ExplainAsync(AnalysisReport report, ExplainOptions options, CancellationToken cancellationToken);
}
