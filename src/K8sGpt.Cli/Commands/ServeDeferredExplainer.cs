using K8sGpt.Core.Findings;
using K8sGpt.Server.Explain;

namespace K8sGpt.Cli.Commands;

/// <summary>An explainer built on first use, once the registry it needs exists (the registry is built at start-up).</summary>
internal sealed class ServeDeferredExplainer(Func<IReportExplainer> create) : IReportExplainer
{
    private readonly Lazy<IReportExplainer> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<AnalysisReport> ExplainAsync(AnalysisReport report, ExplainOptions options, CancellationToken cancellationToken) =>
        _inner.Value.ExplainAsync(report, options, cancellationToken);
}
