using System.Globalization;
using K8sGpt.Ai.Http;
using K8sGpt.Server.Explain;
using K8sGpt.Server.Services;

namespace K8sGpt.Server.Observability;

/// <summary>Counts an Analyze request's explanation work in the server's metrics, labelled by backend.</summary>
public sealed class MetricsExplainObserver(ServerMetrics metrics, string backend) : IExplainObserver
{
    public void CacheLookup(bool hit) => (hit ? metrics.CacheHits : metrics.CacheMisses).Inc();

    public void AiCall(TimeSpan duration, AiFailureKind? failure)
    {
        metrics.AiCalls.WithLabels(backend).Inc();
        metrics.AiDuration.WithLabels(backend).Observe(duration.TotalSeconds);
        if (failure is { } kind)
        {
            metrics.AiErrors.WithLabels(backend, ((int)AiFailure.CodeOf(kind)).ToString(CultureInfo.InvariantCulture)).Inc();
        }
    }
}
