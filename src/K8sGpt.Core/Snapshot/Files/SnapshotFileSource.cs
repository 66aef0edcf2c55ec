using K8sGpt.Core.Analysis;
using k8s.Models;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>A cluster source backed by a snapshot file or folder (<c>--snapshot</c>).</summary>
public sealed class SnapshotFileSource(string path) : IClusterSource
{
    public async Task<ClusterSnapshot> LoadAsync(IReadOnlyList<ResourceRead> reads, ScanScope scope, CancellationToken cancellationToken)
    {
        ClusterSnapshot snapshot;
        try
        {
            snapshot = await SnapshotReader.ReadAsync(path, scope, cancellationToken).ConfigureAwait(false);
        }
        catch (SnapshotReadException ex)
        {
            throw new ClusterAccessException(ex.Message, ex);
        }

        EnsureNamespaceExists(snapshot, scope.Namespace);
        return snapshot;
    }

    /// <summary>
    /// A namespace the snapshot does not know is an error, as it is live: when the snapshot lists namespaces,
    /// the namespace must be one of them.
    /// </summary>
    private void EnsureNamespaceExists(ClusterSnapshot snapshot, string ns)
    {
        if (ns.Length == 0 || !snapshot.StatusOf(KnownResources.Namespaces).IsLoaded)
        {
            return;
        }

        var namespaces = snapshot.All<V1Namespace>();
        if (namespaces.Any(n => n.Metadata?.Name == ns))
        {
            return;
        }

        var known = string.Join(", ", namespaces.Select(static n => n.Metadata?.Name).Order(StringComparer.Ordinal));
        throw new NamespaceNotFoundException($"namespace \"{ns}\" not found in snapshot {path} (namespaces: {known})");
    }
}
