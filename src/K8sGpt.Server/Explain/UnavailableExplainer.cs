using K8sGpt.Core.Findings;

namespace K8sGpt.Server.Explain;

/// <summary>The explainer used until the AI layer provides one: results are returned with a note saying why there are no explanations.</summary>
public sealed class UnavailableExplainer : IReportExplainer
{
    public const string Message = "explanations are not available in this build: results are returned without details";

    public Task<AnalysisReport> ExplainAsync(AnalysisReport report, ExplainOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(report with { Errors = [.. report.Errors, Message] });
}
