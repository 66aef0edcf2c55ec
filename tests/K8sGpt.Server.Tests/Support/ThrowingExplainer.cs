using K8sGpt.Ai.Http;
using K8sGpt.Core.Findings;
using K8sGpt.Server.Explain;

namespace K8sGpt.Server.Tests.Support;

/// <summary>An explainer whose whole step fails with an AI layer error (as a future explainer might).</summary>
internal sealed class ThrowingExplainer(AiBackendException error) : IReportExplainer
{
    public Task<AnalysisReport> ExplainAsync(AnalysisReport report, ExplainOptions options, CancellationToken cancellationToken) =>
        Task.FromException<AnalysisReport>(error);
}
