using K8sGpt.Core.Findings;
using K8sGpt.Server.Explain;

namespace K8sGpt.Server.Tests.Support;

/// <summary>The production explainer, built on first use once the server has built its registry.</summary>
internal sealed class LazyExplainer(Func<IReportExplainer> create) : IReportExplainer
{
    private readonly Lazy<IReportExplainer> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<AnalysisReport> ExplainAsync(AnalysisReport report, ExplainOptions options, CancellationToken cancellationToken) =>
        _inner.Value.ExplainAsync(report, options, cancellationToken);
}
