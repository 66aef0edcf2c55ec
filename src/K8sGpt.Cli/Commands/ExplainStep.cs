using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Cache;
using K8sGpt.Ai.Explain;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Core.Config;
using K8sGpt.Core.Findings;

namespace K8sGpt.Cli.Commands;

/// <summary>The <c>--explain</c> part of <c>analyze</c>: pick and validate the backend first, explain after analysis.</summary>
public sealed class ExplainStep
{
    private readonly ReadyBackend _backend;

    private ExplainStep(ReadyBackend backend) => _backend = backend;

    /// <summary>
    /// Resolves the backend (<c>--backend</c>, else <c>ai.defaultprovider</c>, else the only configured provider) and
    /// validates it before any analysis runs.
    /// </summary>
    /// <exception cref="UsageException">No backend, an unknown one, or one with invalid settings.</exception>
    public static ExplainStep Prepare(K8sGptConfig config, string backendFlag, IReadOnlyList<string> customHeaders)
    {
        var name = (backendFlag.Length > 0 ? backendFlag : config.Ai.DefaultProvider).Trim().ToLowerInvariant();

        // With no default set, a single configured provider is the obvious choice (the reference guessed openai).
        if (name.Length == 0 && config.Ai.Providers.Count == 1)
        {
            name = config.Ai.Providers[0].Name.Trim().ToLowerInvariant();
        }

        if (name.Length == 0)
        {
            throw new UsageException("--explain needs an AI backend: none given with --backend, no default provider is set and more than one (or no) provider is configured. Add one with `k8sgpt auth add --backend <name>` or choose one with `k8sgpt auth default --provider <name>`");
        }

        if (!BackendNames.IsKnown(name))
        {
            throw new UsageException($"'{name}' is not an AI backend; known backends: {string.Join(", ", BackendNames.All)}");
        }

        var runtime = new BackendRuntime { FallbackHeaders = ExplainHeaders.Parse(customHeaders) };
        var registry = BackendRegistry.Create(config.Ai, runtime);
        var status = registry.Find(name);
        if (status is null)
        {
            throw new UsageException($"AI backend '{name}' is not configured. Add it with `k8sgpt auth add --backend {name}`");
        }

        if (!registry.TryGetBackend(name, out var backend) || backend is null)
        {
            var problems = string.Join(Environment.NewLine, status.Problems.Select(static p => $"  - {p.Message}; fix: {p.Fix}"));
            throw new UsageException($"AI backend '{name}' cannot be used:{Environment.NewLine}{problems}");
        }

        return new ExplainStep(backend);
    }

    public async Task<AnalysisReport> RunAsync(AnalysisReport report, ExplainOptions options, bool noCache, ConsoleIo io, K8sGptConfig config, CancellationToken cancellationToken)
    {
        IResponseCache? cache = null;
        if (!noCache)
        {
            if (config.Cache.CurrentCacheType.Length > 0)
            {
                io.WriteWarning($"the '{config.Cache.CurrentCacheType}' remote cache is not supported yet; explanations are cached in local files");
            }

            cache = new FileResponseCache(ConfigPaths.DefaultCacheDirectory(io.Environment));
        }

        var progress = io.ErrorIsTerminal && report.Results.Count > 0 ? new ExplainProgress(io.Error, report.Results.Count) : null;
        var explained = await new Explainer(_backend, cache, options).ExplainAsync(report, progress, cancellationToken).ConfigureAwait(false);
        progress?.Finish();
        return explained;
    }

    /// <summary>The follow-up question loop over the explained report.</summary>
    public ExplainInteractive Interactive(ConsoleIo io, AnalysisReport report, bool anonymize) =>
        new(_backend, io, anonymize ? Anonymizer.For(report.Results) : null);
}
