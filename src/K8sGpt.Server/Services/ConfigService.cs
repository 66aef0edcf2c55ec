using Grpc.Core;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;
using K8sGpt.Core.Integrations;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Startup;
using Microsoft.Extensions.Hosting;

namespace K8sGpt.Server.Services;

/// <summary>
/// <c>schema.v1.ServerConfigService</c>. AddConfig/RemoveConfig change only custom analyzers, the cache setting and
/// the Trivy integration's analyzers in <c>active_filters</c>, through the config store (atomic, serialized writes);
/// they never touch the cluster: enabling Trivy never installs the operator.
/// </summary>
public sealed class ConfigService(ServerState state, IHostApplicationLifetime lifetime) : ServerConfigService.ServerConfigServiceBase
{
    public override async Task<AddConfigResponse> AddConfig(AddConfigRequest request, ServerCallContext context)
    {
        var analyzers = request.CustomAnalyzers.Select(ToConfig).ToArray();
        var cache = request.Cache is null ? null : CacheSettings.From(request.Cache);
        var enableTrivy = request.Integrations?.Trivy is { Enabled: true };
        if (analyzers.Length == 0 && cache is null && !enableTrivy)
        {
            return new AddConfigResponse { Status = "nothing to add: the request names no custom analyzer, no cache and no enabled integration" };
        }

        IReadOnlyList<string> activated = [];
        var written = await state.Store.UpdateAsync(
            config =>
            {
                var names = analyzers.Select(static a => a.Name).ToHashSet(StringComparer.Ordinal);
                var updated = config with { CustomAnalyzers = [.. config.CustomAnalyzers.Where(a => !names.Contains(a.Name)), .. analyzers] };
                if (enableTrivy)
                {
                    (var filters, activated) = IntegrationFilters.Activate(AnalyzerCatalog.Default, config.ActiveFilters, Trivy);
                    updated = updated with { ActiveFilters = filters };
                }

                return cache is null ? updated : updated with { Cache = cache };
            },
            context.CancellationToken).ConfigureAwait(false);

        var parts = new List<string>();
        if (enableTrivy)
        {
            parts.Add(activated.Count == 0
                ? $"integration trivy is already active ({string.Join(", ", Trivy.Activated)} in active_filters)"
                : $"integration trivy activated: {string.Join(", ", activated)} added to active_filters (the operator is not installed by k8sgpt: while the cluster lacks its custom resources, these analyzers are skipped with a note)");
        }

        if (analyzers.Length > 0)
        {
            parts.Add($"custom analyzers added: {string.Join(", ", analyzers.Select(static a => a.Name))} ({written.CustomAnalyzers.Count} configured)");
        }

        if (cache is not null)
        {
            parts.Add($"cache set to {CacheSettings.Describe(written.Cache)}");
        }

        return new AddConfigResponse { Status = string.Join("; ", parts) };
    }

    public override async Task<RemoveConfigResponse> RemoveConfig(RemoveConfigRequest request, ServerCallContext context)
    {
        var names = request.CustomAnalyzers.Select(static a => a.Name.Trim()).Where(static n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var resetCache = request.Cache is not null;
        var disableTrivy = request.Integrations?.Trivy is not null;
        if (names.Count == 0 && !resetCache && !disableTrivy)
        {
            return new RemoveConfigResponse { Status = "nothing to remove: the request names no custom analyzer, no cache and no integration" };
        }

        var removed = new List<string>();
        IReadOnlyList<string> deactivated = [];
        await state.Store.UpdateAsync(
            config =>
            {
                removed.Clear();
                removed.AddRange(config.CustomAnalyzers.Where(a => names.Contains(a.Name)).Select(static a => a.Name));
                var updated = config with { CustomAnalyzers = [.. config.CustomAnalyzers.Where(a => !names.Contains(a.Name))] };
                if (disableTrivy)
                {
                    (var filters, deactivated) = IntegrationFilters.Deactivate(config.ActiveFilters, Trivy);
                    updated = updated with { ActiveFilters = filters };
                }

                return resetCache ? updated with { Cache = new CacheConfig() } : updated;
            },
            context.CancellationToken).ConfigureAwait(false);

        var parts = new List<string>();
        if (disableTrivy)
        {
            parts.Add(deactivated.Count == 0
                ? "integration trivy was not active"
                : $"integration trivy deactivated: {string.Join(", ", deactivated)} removed from active_filters (nothing is uninstalled)");
        }

        if (names.Count > 0)
        {
            var notFound = names.Except(removed, StringComparer.Ordinal).ToArray();
            parts.Add($"custom analyzers removed: {(removed.Count == 0 ? "none" : string.Join(", ", removed))}"
                + (notFound.Length > 0 ? $" (not configured: {string.Join(", ", notFound)})" : ""));
        }

        if (resetCache)
        {
            parts.Add("remote cache removed: using the file cache");
        }

        return new RemoveConfigResponse { Status = string.Join("; ", parts) };
    }

    /// <summary>
    /// Trivy is enabled when its analyzers are in <c>active_filters</c>; <c>skip_install</c> is always true because
    /// k8sgpt never installs the operator, and the namespace it runs in is not k8sgpt's to know.
    /// </summary>
    public override Task<ListIntegrationsResponse> ListIntegrations(ListIntegrationsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListIntegrationsResponse
        {
            Trivy = new Schema.V1.Trivy { Enabled = Trivy.IsActive(state.Store.Load().ActiveFilters), SkipInstall = true, Namespace = "" },
        });

    public override Task<ShutdownResponse> Shutdown(ShutdownRequest request, ServerCallContext context)
    {
        // Stop only once the reply has been sent; the host then drains the other in-flight calls.
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Task.FromResult(new ShutdownResponse { Status = "shutting down: in-flight calls are completed first" });
    }

    private static CustomAnalyzerConfig ToConfig(CustomAnalyzer analyzer)
    {
        var name = analyzer.Name.Trim();
        var url = analyzer.Connection?.Url.Trim() ?? "";
        var port = analyzer.Connection?.Port.Trim() ?? "";
        if (name.Length == 0 || url.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "a custom analyzer needs a name and connection.url"));
        }

        if (!int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"custom analyzer {name}: connection.port \"{port}\" is not a port number (1-65535)"));
        }

        return new CustomAnalyzerConfig(name, url, port);
    }

    private static Integration Trivy => IntegrationCatalog.Find("trivy")
        ?? throw new InvalidOperationException("the trivy integration is missing from the catalog");
}
