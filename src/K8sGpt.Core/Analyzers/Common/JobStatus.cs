using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Reads a Job's outcome from its authoritative status conditions.</summary>
public static class JobStatus
{
    /// <summary>True when the Job finished successfully (<c>Complete=True</c> or <c>SuccessCriteriaMet=True</c>).</summary>
    public static bool HasSucceeded(V1Job job) =>
        job.Status?.Conditions?.Any(static c => c.Type is "Complete" or "SuccessCriteriaMet" && c.Status == "True") == true;

    /// <summary>The <c>Failed=True</c> condition, or null while the Job is still running or retrying.</summary>
    public static V1JobCondition? FailedCondition(V1Job job) =>
        job.Status?.Conditions?.FirstOrDefault(static c => c.Type == "Failed" && c.Status == "True");
}
