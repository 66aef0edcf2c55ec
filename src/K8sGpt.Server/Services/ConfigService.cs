using Grpc.Core;
using K8sGpt.Core.Config;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Startup;
using Microsoft.Extensions.Hosting;

namespace K8sGpt.Server.Services;

/// <summary>
/// <c>schema.v1.ServerConfigService</c>. AddConfig/RemoveConfig change only custom analyzers and the cache
/// setting, through the config store (atomic, serialized writes); they never touch the cluster.
/// </summary>
public sealed class ConfigService(ServerState state, IHostApplicationLifetime lifetime) : ServerConfigService.ServerConfigServiceBase
{
    public override async Task<AddConfigResponse> AddConfig(AddConfigRequest request, ServerCallContext context)
    {
        RejectIntegrations(request.Integrations);
        var analyzers = request.CustomAnalyzers.Select(ToConfig).ToArray();
        var cache = request.Cache is null ? null : CacheSettings.From(request.Cache);
        if (analyzers.Length == 0 && cache is null)
        {
            return new AddConfigResponse { Status = "nothing to add: the request names no custom analyzer and no cache" };
        }

        var written = await state.Store.UpdateAsync(
            config =>
            {
                var names = analyzers.Select(static a => a.Name).ToHashSet(StringComparer.Ordinal);
                var updated = config with { CustomAnalyzers = [.. config.CustomAnalyzers.Where(a => !names.Contains(a.Name)), .. analyzers] };
                return cache is null ? updated : updated with { Cache = cache };
            },
            context.CancellationToken).ConfigureAwait(false);

        var parts = new List<string>();
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
        RejectIntegrations(request.Integrations);
        var names = request.CustomAnalyzers.Select(static a => a.Name.Trim()).Where(static n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var resetCache = request.Cache is not null;
        if (names.Count == 0 && !resetCache)
        {
            return new RemoveConfigResponse { Status = "nothing to remove: the request names no custom analyzer and no cache" };
        }

        var removed = new List<string>();
        await state.Store.UpdateAsync(
            config =>
            {
                removed.Clear();
                removed.AddRange(config.CustomAnalyzers.Where(a => names.Contains(a.Name)).Select(static a => a.Name));
                var updated = config with { CustomAnalyzers = [.. config.CustomAnalyzers.Where(a => !names.Contains(a.Name))] };
                return resetCache ? updated with { Cache = new CacheConfig() } : updated;
            },
            context.CancellationToken).ConfigureAwait(false);

        var parts = new List<string>();
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

    /// <summary>No integration is part of this build, so Trivy is reported as it is: not enabled.</summary>
    public override Task<ListIntegrationsResponse> ListIntegrations(ListIntegrationsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListIntegrationsResponse { Trivy = new Trivy { Enabled = false, SkipInstall = false, Namespace = "" } });

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

    private static void RejectIntegrations(Integrations? integrations)
    {
        if (integrations?.Trivy is { Enabled: true })
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "integrations are not available in this build: Trivy cannot be enabled"));
        }
    }
}
