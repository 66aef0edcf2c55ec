using System.Text.Json;
using System.Text.Json.Serialization;
using K8sGpt.Core.Config;
using K8sGpt.Core.Snapshot;
using K8sGpt.Server.Hosting;
using K8sGpt.Server.Startup;

namespace K8sGpt.Server.Observability;

/// <summary>
/// <c>/readyz</c>: ready when the config file still loads and the default backend (if any) is ready. The body
/// lists every backend with its state and problems and whether the cluster or snapshot can be read.
/// </summary>
public sealed class Readiness(ServerState state, ServeSettings settings)
{
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public async Task<(bool Ready, string Body)> CheckAsync(CancellationToken cancellationToken)
    {
        var configError = "";
        try
        {
            state.Store.Load();
        }
        catch (ConfigException ex)
        {
            configError = ex.Message;
        }

        var defaultStatus = state.HasDefault ? state.Registry.Find(state.DefaultBackend) : null;
        var defaultReady = !state.HasDefault || defaultStatus?.IsReady == true;
        var (reachable, clusterError) = await ProbeClusterAsync(cancellationToken).ConfigureAwait(false);
        var ready = configError.Length == 0 && defaultReady;
        var body = new
        {
            ready,
            config = new { loaded = configError.Length == 0, path = state.Store.Path, error = configError },
            defaultBackend = state.DefaultBackend,
            backends = state.Registry.Statuses.Select(static s => new
            {
                name = s.Name,
                state = s.State.ToString(),
                problems = s.Problems.Select(static p => new { setting = p.Setting, message = p.Message, fix = p.Fix }),
            }),
            cluster = new { source = settings.ClusterDescription, reachable, error = clusterError },
        };
        return (ready, JsonSerializer.Serialize(body, s_json));
    }

    private async Task<(bool Reachable, string Error)> ProbeClusterAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_probeTimeout);
        try
        {
            var source = settings.ClusterSource();
            await source.LoadAsync([], ScanScope.Everything, timeout.Token).ConfigureAwait(false);
            return (true, "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"no answer within {s_probeTimeout.TotalSeconds} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Readiness reports what is wrong; it never fails itself.
            return (false, ex.Message);
        }
    }
}
