using K8sGpt.Ai.Cache;
using K8sGpt.Ai.Explain;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Findings;
using K8sGpt.Server.Explain;
using AiExplainOptions = K8sGpt.Ai.Explain.ExplainOptions;
using ServerExplainOptions = K8sGpt.Server.Explain.ExplainOptions;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// The server's explanation step over the AI layer: a fresh <see cref="Explainer"/> per request (it holds per-run
/// state), the registry's shared, immutable client, and the file response cache.
/// </summary>
internal sealed class ServeRegistryExplainer(IBackendRegistry registry, string cacheDirectory) : IReportExplainer
{
    private const int MaxAiConcurrency = 16;

    public async Task<AnalysisReport> ExplainAsync(AnalysisReport report, ServerExplainOptions options, CancellationToken cancellationToken)
    {
        // The Analyze handler has already checked the backend is ready; a registry that cannot hand out backends
        // (a test double) or a race with a config reload still must not fail the request.
        if (registry is not BackendRegistry real || !real.TryGetBackend(options.Backend, out var backend) || backend is null)
        {
            return report with { Errors = [.. report.Errors, $"explain: backend '{options.Backend}' is not ready; results are returned without explanations"] };
        }

        IResponseCache? cache = options.NoCache ? null : new FileResponseCache(cacheDirectory);
        if (options.Observer is { } observer)
        {
            cache = cache is null ? null : new ObservedResponseCache(cache, observer);
            backend = backend with { Client = new ObservedChatClient(backend.Client, observer) };
        }

        var explainer = new Explainer(backend, cache, new AiExplainOptions
        {
            Language = string.IsNullOrWhiteSpace(options.Language) ? "english" : options.Language,
            Anonymize = options.Anonymize,
            MaxConcurrency = Math.Clamp(options.MaxConcurrency, 1, MaxAiConcurrency),
        });
        return await explainer.ExplainAsync(report, progress: null, cancellationToken).ConfigureAwait(false);
    }
}
