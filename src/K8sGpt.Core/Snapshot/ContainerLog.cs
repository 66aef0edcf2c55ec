namespace K8sGpt.Core.Snapshot;

/// <summary>
/// The recent tail of one container's log, loaded by the cluster source (analyzers do no I/O).
/// </summary>
/// <param name="Namespace">Namespace of the pod.</param>
/// <param name="Pod">Pod name.</param>
/// <param name="Container">Container name.</param>
/// <param name="Previous">True for the log of the previous (crashed or restarted) instance of the container.</param>
/// <param name="Text">The tail as read, already bounded in lines and bytes by the source.</param>
public sealed record ContainerLog(string Namespace, string Pod, string Container, bool Previous, string Text);
