using k8s.Models;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Analyzers;

/// <summary>Volume expansion that failed or has been waiting too long.</summary>
internal static class PersistentVolumeClaimResizeChecks
{
    private static readonly HashSet<string> s_failedConditions = new(StringComparer.Ordinal) { "ControllerResizeError", "NodeResizeError" };

    private static readonly HashSet<string> s_infeasibleStatuses = new(StringComparer.Ordinal) { "ControllerResizeInfeasible", "NodeResizeInfeasible" };

    public static IEnumerable<Failure> Check(V1PersistentVolumeClaim claim, DateTimeOffset now, string ns, string name)
    {
        var reported = false;
        foreach (var condition in claim.Status?.Conditions ?? [])
        {
            if (condition?.Status != "True")
            {
                continue;
            }

            if (s_failedConditions.Contains(condition.Type ?? ""))
            {
                reported = true;
                var message = string.IsNullOrEmpty(condition.Message) ? "" : $": {condition.Message}";
                yield return Failure.Of(
                    "PersistentVolumeClaimResizeFailed",
                    $"PersistentVolumeClaim {ns}/{name} failed to resize ({condition.Type}){message}",
                    "status.conditions",
                    ns,
                    name);
            }
            else if (condition.Type == "FileSystemResizePending" && condition.LastTransitionTime is { } since)
            {
                var waiting = now - new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc));
                if (waiting > PersistentVolumeClaimAnalyzer.FileSystemResizeGrace)
                {
                    reported = true;
                    yield return Failure.Of(
                        "PersistentVolumeClaimFileSystemResizePending",
                        $"PersistentVolumeClaim {ns}/{name} has been waiting {Durations.Describe(waiting)} for a file system resize on the node; it completes when a pod using the claim is (re)started",
                        "status.conditions",
                        ns,
                        name);
                }
            }
        }

        if (reported)
        {
            yield break;
        }

        foreach (var (resource, status) in claim.Status?.AllocatedResourceStatuses ?? new Dictionary<string, string>())
        {
            if (s_infeasibleStatuses.Contains(status ?? ""))
            {
                yield return Failure.Of(
                    "PersistentVolumeClaimResizeFailed",
                    $"PersistentVolumeClaim {ns}/{name} failed to resize ({status} for {resource})",
                    "status.allocatedResourceStatuses",
                    ns,
                    name);
            }
        }
    }
}
