using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Server.Tests.Support;

/// <summary>A cluster that never answers: a load ends only when the caller cancels.</summary>
internal sealed class HangingSource : IClusterSource
{
    public async Task<ClusterSnapshot> LoadAsync(IReadOnlyList<ResourceRead> reads, ScanScope scope, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
    }
}
