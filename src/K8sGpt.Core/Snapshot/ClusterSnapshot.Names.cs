namespace K8sGpt.Core.Snapshot;

public sealed partial class ClusterSnapshot
{
    private IReadOnlySet<string>? _knownNames;

    /// <summary>Names and namespaces of objects of kinds no analyzer reads (a ResourceQuota in a snapshot file).</summary>
    internal IReadOnlyCollection<string> IgnoredNames { get; init; } = [];

    /// <summary>
    /// Every object name and namespace this snapshot saw, ignored kinds included: the names that may turn up inside
    /// messages the cluster wrote (events, conditions, status messages) and so must never reach an AI backend unmasked.
    /// </summary>
    public IReadOnlySet<string> KnownNames => _knownNames ??= CollectKnownNames();

    private HashSet<string> CollectKnownNames()
    {
        var names = new HashSet<string>(IgnoredNames, StringComparer.Ordinal);
        foreach (var meta in _objects.Values.SelectMany(static list => list).Select(static o => o.Metadata))
        {
            if (!string.IsNullOrEmpty(meta?.Name))
            {
                names.Add(meta.Name);
            }

            if (!string.IsNullOrEmpty(meta?.NamespaceProperty))
            {
                names.Add(meta.NamespaceProperty);
            }
        }

        return names;
    }
}
