using k8s.Models;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>Problems visible in a pod's init, regular and ephemeral container statuses.</summary>
internal static class ContainerStatusChecks
{
    private static readonly HashSet<string> s_errorWaitingReasons = new(StringComparer.Ordinal)
    {
        "CrashLoopBackOff", "ImagePullBackOff", "CreateContainerConfigError", "PreCreateHookError",
        "CreateContainerError", "PreStartHookError", "RunContainerError", "ImageInspectError",
        "ErrImagePull", "ErrImageNeverPull", "InvalidImageName",
    };

    private static readonly HashSet<string> s_creationEventReasons = new(StringComparer.Ordinal)
    {
        "FailedCreatePodSandBox", "FailedMount", "FailedAttachVolume",
    };

    public static IEnumerable<Failure> Check(V1Pod pod, ClusterSnapshot snapshot, string ns, string name)
    {
        var phase = pod.Status?.Phase ?? "";
        var statuses = (pod.Status?.InitContainerStatuses ?? [])
            .Concat(pod.Status?.ContainerStatuses ?? [])
            .Concat(pod.Status?.EphemeralContainerStatuses ?? []);
        var reportedEvents = new HashSet<string>(StringComparer.Ordinal);

        foreach (var status in statuses)
        {
            var container = status.Name ?? "";
            var waiting = status.State?.Waiting;
            var terminated = status.State?.Terminated;
            var lastTerminated = status.LastState?.Terminated;

            if (waiting is not null)
            {
                if (waiting.Reason == "ContainerCreating" && phase == "Pending")
                {
                    var evt = snapshot.EventsFor(pod, "Pod")
                        .FirstOrDefault(e => e.Type != "Normal" && s_creationEventReasons.Contains(e.Reason ?? "") && !string.IsNullOrEmpty(e.Message));
                    if (evt is not null && reportedEvents.Add(evt.Message))
                    {
                        yield return Failure.Of("PodContainerCreationFailed", evt.Message, "status.containerStatuses", [ns, name, .. PodTemplates.VolumeIdentities(pod.Spec)]);
                    }
                }
                else if (waiting.Reason == "CrashLoopBackOff")
                {
                    yield return lastTerminated is not null
                        ? Failure.Of(
                            "PodCrashLoopBackOff",
                            $"the last termination reason is {lastTerminated.Reason ?? "Unknown"} exitCode={lastTerminated.ExitCode} container={container} pod={name} restarts={status.RestartCount}",
                            "status.containerStatuses.lastState",
                            ns,
                            name,
                            container)
                        : Failure.Of(
                            "PodCrashLoopBackOff",
                            string.IsNullOrEmpty(waiting.Message) ? $"container {container} of pod {name} is in CrashLoopBackOff (restarts={status.RestartCount})" : waiting.Message,
                            "status.containerStatuses.state",
                            [ns, name, container, .. PodTemplates.ImageIdentities(pod.Spec, status)]);
                }
                else if (s_errorWaitingReasons.Contains(waiting.Reason ?? ""))
                {
                    var text = string.IsNullOrEmpty(waiting.Message)
                        ? $"container {container} of pod {name} is waiting: {waiting.Reason}"
                        : waiting.Message;
                    // Pull failures quote the image: its registry host and path identify the cluster's owner.
                    yield return Failure.Of("PodContainer" + waiting.Reason, text, "status.containerStatuses.state", [ns, name, container, .. PodTemplates.ImageIdentities(pod.Spec, status)]);
                }
            }
            else if (terminated is not null)
            {
                if (terminated.ExitCode != 0)
                {
                    yield return Failure.Of(
                        "PodContainerTerminatedWithError",
                        $"the termination reason is {terminated.Reason ?? "Unknown"} exitCode={terminated.ExitCode} container={container} pod={name}",
                        "status.containerStatuses.state.terminated",
                        ns,
                        name,
                        container);
                }
            }
            else
            {
                if (lastTerminated is not null && (lastTerminated.Reason == "OOMKilled" || lastTerminated.ExitCode != 0))
                {
                    yield return Failure.Of(
                        "PodContainerRestarted",
                        $"container {container} of pod {name} restarted {status.RestartCount} time(s); the last termination reason is {lastTerminated.Reason ?? "Unknown"} exitCode={lastTerminated.ExitCode}",
                        "status.containerStatuses.lastState.terminated",
                        ns,
                        name,
                        container);
                }

                if (!status.Ready && phase == "Running" && status.State?.Running is not null)
                {
                    var evt = snapshot.EventsFor(pod, "Pod")
                        .FirstOrDefault(e => e.Reason == "Unhealthy" && !string.IsNullOrEmpty(e.Message));
                    if (evt is not null && reportedEvents.Add(evt.Message))
                    {
                        yield return Failure.Of("PodContainerNotReady", evt.Message, "spec.containers.readinessProbe", ns, name, container);
                    }
                }
            }
        }
    }
}
