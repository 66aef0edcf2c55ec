using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// CronJobs with an invalid schedule, time zone or starting deadline, and CronJobs whose most recent Jobs failed
/// one after another. Suspending a CronJob is a deliberate choice and is not reported.
/// </summary>
public sealed class CronJobAnalyzer : ObjectAnalyzer<V1CronJob>
{
    /// <summary>How many of the most recent finished Jobs must all have failed for the CronJob to be reported.</summary>
    public const int ConsecutiveFailuresReported = 2;

    public override string Name => "CronJob";

    protected override IEnumerable<ResourceType> Lookups => [KnownResources.Jobs];

    protected override IEnumerable<Failure> Check(V1CronJob cronJob, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = cronJob.Namespace() ?? "";
        var name = cronJob.Name() ?? "";
        var spec = cronJob.Spec;
        var failures = new List<Failure>();

        if (CronSchedule.Problem(spec?.Schedule) is { } why)
        {
            failures.Add(Failure.Of("CronJobInvalidSchedule", $"CronJob {name} has an invalid schedule: {why}", "spec.schedule", ns, name));
        }

        if (spec?.StartingDeadlineSeconds < 0)
        {
            failures.Add(Failure.Of("CronJobNegativeStartingDeadline", $"CronJob {name} has a negative starting deadline", "spec.startingDeadlineSeconds", ns, name));
        }

        if (spec?.TimeZone is { } zone && CronTimeZone.Problem(zone) is { } zoneProblem)
        {
            failures.Add(Failure.Of("CronJobInvalidTimeZone", $"CronJob {name} has an invalid time zone: {zoneProblem}", "spec.timeZone", ns, name));
        }

        // A suspended CronJob starts no Jobs: its failure history is what led someone to pause it, not news.
        if (spec?.Suspend != true && ConsecutiveFailures(cronJob, snapshot, ns, name) is { } streak)
        {
            failures.Add(streak);
        }

        return failures;
    }

    private static Failure? ConsecutiveFailures(V1CronJob cronJob, ClusterSnapshot snapshot, string ns, string name)
    {
        var streak = Ownership.OwnedBy<V1Job>(snapshot, cronJob, "CronJob")
            .Where(JobHistory.IsFinished)
            .OrderByDescending(JobHistory.StartedAt)
            .TakeWhile(static j => !JobStatus.HasSucceeded(j))
            .ToArray();
        if (streak.Length < ConsecutiveFailuresReported)
        {
            return null;
        }

        var last = streak[0];
        var jobName = last.Name() ?? "";
        var condition = JobStatus.FailedCondition(last);
        var reason = string.IsNullOrEmpty(condition?.Reason) ? "Unknown" : condition.Reason;
        var message = string.IsNullOrEmpty(condition?.Message) ? "" : $": {condition.Message}";
        return Failure.Of(
            "CronJobConsecutiveFailures",
            $"CronJob {name} has failed {streak.Length} times in a row; the last Job {jobName} failed with reason {reason}{message}",
            "spec.jobTemplate",
            ns,
            name,
            jobName);
    }
}
