using System.Globalization;
using Grpc.Core;
using K8sGpt.Ai.Http;
using K8sGpt.Core.Analysis;
using K8sGpt.Server.CustomAnalyzers;
using K8sGpt.Server.Explain;
using K8sGpt.Server.Guard;
using K8sGpt.Server.Hosting;
using K8sGpt.Server.Observability;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Startup;

namespace K8sGpt.Server.Services;

/// <summary><c>schema.v1.ServerAnalyzerService</c>: the shared analysis path plus the configured custom analyzers, explained when asked.</summary>
public sealed class AnalyzerService(
    ServerState state,
    ServeSettings settings,
    BackendResolver resolver,
    AnalysisPipeline pipeline,
    ServerMetrics metrics) : ServerAnalyzerService.ServerAnalyzerServiceBase
{
    public override async Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        var output = request.Output.Trim().ToLowerInvariant();
        if (output is not ("" or "json"))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"output \"{request.Output}\" is not supported over gRPC; use json (or leave it empty)"));
        }

        // The backend matters only when explanations are asked for: clients such as the operator send a backend
        // name with every request, also to servers that have no AI configured.
        string? backend = null;
        if (request.Explain)
        {
            backend = resolver.Resolve(request.Backend, "explain").Name;
            CallTags.SetBackend(context, backend);
        }

        var analysis = new AnalysisRequest
        {
            Filters = AnalyzerCatalog.SplitNames(request.Filters.Count > 0 ? request.Filters : settings.Filters),
            Namespace = request.Namespace,
            LabelSelector = request.LabelSelector,
            MaxConcurrency = request.MaxConcurrency,
        };

        var config = state.Store.Load();
        var source = settings.ClusterSource();
        var report = await pipeline.RunAsync(analysis, source, config.ActiveFilters, context.CancellationToken).ConfigureAwait(false);
        metrics.AnalyzerErrors.Record(ScopeKey(analysis), report.Results);

        // As the reference server: configured custom analyzers always run (there is no request flag for them), after
        // the pipeline so a missing namespace has failed the call first, and before explaining so they are explained too.
        if (config.CustomAnalyzers.Count > 0)
        {
            var custom = await new CustomAnalyzerRunner().RunAsync(config.CustomAnalyzers, analysis.EffectiveConcurrency, context.CancellationToken).ConfigureAwait(false);
            report = custom.MergeInto(report);
        }

        if (backend is not null)
        {
            var options = new ExplainOptions(backend, request.Language, request.Anonymize, request.Nocache, analysis.EffectiveConcurrency)
            {
                Observer = new MetricsExplainObserver(metrics, backend),
            };
            try
            {
                report = await settings.Explainer.ExplainAsync(report, options, context.CancellationToken).ConfigureAwait(false);
            }
            catch (AiBackendException ex)
            {
                // The explainer reports single failed calls in errors itself; one that ends the whole step still
                // leaves the results, with the reason in errors, like Query's error.message.
                var failure = AiFailure.From(ex);
                metrics.AiErrors.WithLabels(backend, ((int)failure.Code).ToString(CultureInfo.InvariantCulture)).Inc();
                report = report with { Errors = [.. report.Errors, $"explain: {failure.Message}"] };
            }
        }

        return ResultMapper.ToResponse(report);
    }

    private static string ScopeKey(AnalysisRequest request) =>
        $"{request.Namespace.Trim()}|{request.LabelSelector.Trim()}|{string.Join(',', request.Filters.Order(StringComparer.Ordinal))}";
}
