using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>Where a run's snapshot comes from: a live cluster or a saved file.</summary>
public interface IClusterSource
{
    /// <summary>Reads the given resource types within the scope, each listed once.</summary>
    /// <exception cref="ClusterAccessException">The cluster or snapshot cannot be read at all.</exception>
    /// <exception cref="NamespaceNotFoundException">The scope names a namespace that does not exist.</exception>
    Task<ClusterSnapshot> LoadAsync(IReadOnlyList<ResourceRead> reads, ScanScope scope, CancellationToken cancellationToken);
}
