namespace K8sGpt.Core.Snapshot;

public sealed partial class ClusterSnapshot
{
    private readonly Lazy<ILookup<(string Namespace, string Pod, string Container), ContainerLog>> _logIndex;

    /// <summary>Container log tails loaded with this snapshot (empty when the source read none).</summary>
    public IReadOnlyList<ContainerLog> ContainerLogs { get; internal init; } = [];

    /// <summary>The loaded log tails of one container: the current instance first, then the previous one.</summary>
    public IReadOnlyList<ContainerLog> LogsFor(string ns, string pod, string container) =>
        [.. _logIndex.Value[(ns, pod, container)].OrderBy(static l => l.Previous)];

    private ILookup<(string Namespace, string Pod, string Container), ContainerLog> IndexLogs() =>
        ContainerLogs.ToLookup(static l => (l.Namespace, l.Pod, l.Container));
}
