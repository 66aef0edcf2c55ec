using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Orders the Jobs of one CronJob by when they were started.</summary>
public static class JobHistory
{
    /// <summary>When the Job started: <c>status.startTime</c>, else its creation time, else the earliest time.</summary>
    public static DateTime StartedAt(V1Job job) =>
        job.Status?.StartTime ?? job.Metadata?.CreationTimestamp ?? DateTime.MinValue;

    /// <summary>True when the Job finished, successfully or not.</summary>
    public static bool IsFinished(V1Job job) => JobStatus.HasSucceeded(job) || JobStatus.FailedCondition(job) is not null;

    /// <summary>
    /// True when another Job of the same CronJob, started after this one, succeeded (or the CronJob recorded a success
    /// after this Job started): this Job is history kept by <c>failedJobsHistoryLimit</c>, not a current problem.
    /// </summary>
    public static bool SupersededBySuccess(V1Job job, IEnumerable<V1Job> siblings, V1CronJob? cronJob)
    {
        var started = StartedAt(job);
        if (cronJob?.Status?.LastSuccessfulTime is { } lastSuccess && lastSuccess > started)
        {
            return true;
        }

        return siblings.Any(s => !ReferenceEquals(s, job) && JobStatus.HasSucceeded(s) && StartedAt(s) > started);
    }
}
