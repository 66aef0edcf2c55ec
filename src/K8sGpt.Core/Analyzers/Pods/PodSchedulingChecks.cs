using k8s.Models;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Analyzers;

/// <summary>Why a pending pod is not placed on a node.</summary>
internal static class PodSchedulingChecks
{
    public static IEnumerable<Failure> Check(V1Pod pod, string ns, string name)
    {
        foreach (var condition in pod.Status?.Conditions ?? [])
        {
            if (condition.Type != "PodScheduled" || condition.Status == "True")
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
