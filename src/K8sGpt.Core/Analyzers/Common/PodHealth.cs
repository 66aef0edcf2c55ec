using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Why a pod that a workload controller owns is not serving: phase, readiness and container states.</summary>
public static class PodHealth
{
    private static readonly HashSet<string> s_startingReasons = new(StringComparer.Ordinal) { "ContainerCreating", "PodInitializing" };

    /// <summary>True when the pod is Running and its Ready condition is True.</summary>
    public static bool IsRunningAndReady(V1Pod pod) =>
        pod.Status?.Phase == "Running"
        && pod.Status.Conditions?.Any(static c => c?.Type == "Ready" && c.Status == "True") == true;

    /// <summary>The first container that waits for a reason (init containers first), as <c>(container, reason)</c>.</summary>
    public static (string Container, string Reason)? Waiting(V1Pod pod)
    {
        var statuses = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []);
        foreach (var status in statuses)
        {
            if (status?.State?.Waiting?.Reason is { Length: > 0 } reason)
            {
                return (status.Name ?? "", reason);
            }
        }

        return null;
    }

    /// <summary>
    /// True when the pod shows nothing wrong yet and is younger than <paramref name="grace"/>: Pending or not ready,
    /// scheduled (or not yet judged by the scheduler), containers at most creating, no restarts. Such a pod is being
    /// started by a rollout or scale-up; once older than the grace it is reported like any other.
    /// </summary>
    public static bool IsStarting(V1Pod pod, DateTimeOffset now, TimeSpan grace)
    {
        if (pod.Metadata?.CreationTimestamp is not { } created
            || now - new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) > grace)
        {
            return false;
        }

        if (pod.Status?.Phase is not ("Pending" or "Running")
            || pod.Status.Conditions?.Any(static c => c?.Type == "PodScheduled" && c.Status == "False") == true)
        {
            return false;
        }

        var statuses = (pod.Status.InitContainerStatuses ?? []).Concat(pod.Status.ContainerStatuses ?? []).ToArray();
        return statuses.All(static s => s is null
            || (s.RestartCount == 0 && (s.State?.Waiting is null || s_startingReasons.Contains(s.State.Waiting.Reason ?? ""))));
    }
}
