using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>A StatefulSet's replica shortfall, explained by its own pods (found by owner uid, any ordinals).</summary>
internal static class StatefulSetPodChecks
{
    public static IEnumerable<Failure> Check(V1StatefulSet statefulSet, ClusterSnapshot snapshot, AnalyzerContext context, string ns, string name)
    {
        var desired = statefulSet.Spec?.Replicas ?? 1;
        var ready = statefulSet.Status?.ReadyReplicas ?? 0;
        if (ready >= desired)
        {
            yield break;
        }

        if (snapshot.WhyUnknown(KnownResources.Pods, ns) is { } podsUnknown)
        {
            // The pods cannot be examined: say what the status says, without guessing which pod is at fault.
            context.ReportNotChecked(podsUnknown, "StatefulSet's pods", "StatefulSets' pods");
            yield return Failure.Of(
                "StatefulSetReplicasNotReady",
                $"StatefulSet {ns}/{name} has {desired} replicas but {ready} are ready",
                "status.readyReplicas",
                ns,
                name);
            yield break;
        }

        var pods = Ownership.OwnedBy<V1Pod>(snapshot, statefulSet, "StatefulSet")
            .OrderBy(static p => Ordinal(p.Name()))
            .ThenBy(static p => p.Name(), StringComparer.Ordinal)
            .ToArray();
        var reported = false;
        foreach (var pod in pods)
        {
            if (PodHealth.IsRunningAndReady(pod) || pod.Metadata?.DeletionTimestamp is not null || PodHealth.IsStarting(pod, context.Now, StatefulSetAnalyzer.StartupGrace))
            {
                continue;
            }

            reported = true;
            yield return Describe(pod, ns);
        }

        // Fewer pods than replicas and none of them at fault: the controller cannot create the next one. Its
        // warning event (FailedCreate: quota, missing PVC, admission) says why.
        if (!reported && pods.Length < desired
            && snapshot.EventsFor(statefulSet, "StatefulSet").FirstOrDefault(static e => e.Type is not null and not "Normal" && !string.IsNullOrEmpty(e.Message)) is { } warning)
        {
            yield return Failure.Of("StatefulSetPodCreationFailed", warning.Message, "spec.replicas", ns, name);
        }
    }

    private static Failure Describe(V1Pod pod, string ns)
    {
        var podName = pod.Name() ?? "";
        var phase = string.IsNullOrEmpty(pod.Status?.Phase) ? "Unknown" : pod.Status.Phase;
        var waiting = PodHealth.Waiting(pod);
        var container = waiting?.Container;
        var because = waiting is { } w ? $"; container {w.Container} is waiting: {w.Reason}" : "";
        return phase == "Running"
            ? Failure.Of(
                "StatefulSetPodNotReady",
                $"Statefulset pod {podName} in the namespace {ns} is running but not ready{(because.Length > 0 ? $" ({because[2..]})" : "")}.",
                "status.readyReplicas",
                podName,
                ns,
                container)
            : Failure.Of(
                "StatefulSetPodNotRunning",
                $"Statefulset pod {podName} in the namespace {ns} is not in running state (phase {phase}{because}).",
                "status.readyReplicas",
                podName,
                ns,
                container);
    }

    private static int Ordinal(string? podName)
    {
        if (podName is null)
        {
            return int.MaxValue;
        }

        var dash = podName.LastIndexOf('-');
        return dash >= 0 && int.TryParse(podName.AsSpan(dash + 1), out var ordinal) ? ordinal : int.MaxValue;
    }
}
