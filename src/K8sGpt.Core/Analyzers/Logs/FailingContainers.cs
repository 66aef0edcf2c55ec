using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// The containers whose logs are worth reading: waiting in CrashLoopBackOff or Error, terminated with a non-zero
/// exit code, or restarted at least once. Shared by the Log analyzer and by sources that load logs, so that logs
/// are read only for these, in a stable order, and at most <see cref="MaxContainers"/> of them per run.
/// </summary>
public static class FailingContainers
{
    /// <summary>The most containers whose logs are read in one run.</summary>
    public const int MaxContainers = 50;

    /// <summary>One container to read: the previous instance is read too when it restarted.</summary>
    public sealed record Candidate(string Namespace, string Pod, string Container, bool ReadPrevious);

    /// <summary>Failing or restarting containers of the pods, sorted by namespace, pod and container.</summary>
    public static IReadOnlyList<Candidate> Of(IEnumerable<V1Pod> pods) =>
    [
        .. pods
            .SelectMany(static pod => (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? [])
                .Where(static s => s is not null && IsFailing(s))
                .Select(s => new Candidate(pod.Metadata?.NamespaceProperty ?? "", pod.Metadata?.Name ?? "", s.Name, s.RestartCount > 0)))
            .OrderBy(static c => c.Namespace, StringComparer.Ordinal)
            .ThenBy(static c => c.Pod, StringComparer.Ordinal)
            .ThenBy(static c => c.Container, StringComparer.Ordinal),
    ];

    private static bool IsFailing(V1ContainerStatus status) =>
        status.RestartCount > 0
        || status.State?.Waiting?.Reason is "CrashLoopBackOff" or "Error"
        || status.State?.Terminated is { ExitCode: not 0 };
}
