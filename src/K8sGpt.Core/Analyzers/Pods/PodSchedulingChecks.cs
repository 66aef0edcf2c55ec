using k8s.Models;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Analyzers;

/// <summary>Why a pending pod is not placed on a node.</summary>
internal static class PodSchedulingChecks
{
    /// <summary>How long a pending pod may go without any scheduling decision before it counts as stuck.</summary>
    public static readonly TimeSpan UnscheduledGrace = TimeSpan.FromMinutes(5);

    public static IEnumerable<Failure> Check(V1Pod pod, DateTimeOffset now, string ns, string name)
    {
        // No PodScheduled condition and no node: no scheduler has looked at the pod (for example a misspelt
        // schedulerName, or a custom scheduler that is not running).
        var conditions = pod.Status?.Conditions ?? [];
        if (string.IsNullOrEmpty(pod.Spec?.NodeName)
            && !conditions.Any(static c => c?.Type == "PodScheduled")
            && pod.Metadata?.CreationTimestamp is { } created)
        {
            var age = now - new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc));
            if (age > UnscheduledGrace)
            {
                var scheduler = pod.Spec?.SchedulerName is { Length: > 0 } s ? s : "default-scheduler";
                yield return Failure.Of(
                    "PodNotScheduled",
                    $"Pod {name} has been Pending for {Durations.Describe(age)} without any scheduling decision; is scheduler {scheduler} running?",
                    "spec.schedulerName",
                    ns,
                    name);
            }
        }

        foreach (var condition in conditions)
        {
            if (condition?.Type != "PodScheduled" || condition.Status == "True")
            {
                continue;
            }

            if (condition.Reason == "Unschedulable" && !string.IsNullOrEmpty(condition.Message))
            {
                yield return Failure.Of("PodUnschedulable", condition.Message, "status.conditions", ns, name);
            }
            else if (condition.Reason == "SchedulingGated")
            {
                var message = string.IsNullOrEmpty(condition.Message)
                    ? $"Pod {ns}/{name} is in a SchedulingGated state and is blocked from scheduling due to non-empty scheduling gates"
                    : condition.Message;
                yield return Failure.Of("PodSchedulingGated", message, "spec.schedulingGates", ns, name);
            }
        }
    }
}
