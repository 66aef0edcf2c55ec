using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Jobs that failed for good (<c>Failed=True</c>: backoff limit, deadline, pod failure policy), with the condition's
/// reason and message. Jobs still retrying within their backoff limit, suspended Jobs, Jobs that completed after
/// retries, and failed Jobs of a CronJob that has succeeded since are healthy. The parent is the CronJob.
/// </summary>
public sealed class JobAnalyzer : ObjectAnalyzer<V1Job>
{
    private static readonly HashSet<string> s_knownReasons = new(StringComparer.Ordinal)
    {
        "BackoffLimitExceeded", "DeadlineExceeded", "PodFailurePolicy", "MaxFailedIndexesExceeded", "FailedIndexes",
    };

    public override string Name => "Job";

    protected override IEnumerable<ResourceType> Lookups => [KnownResources.CronJobs];

    protected override IEnumerable<Failure> Check(V1Job job, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = job.Namespace() ?? "";
        var name = job.Name() ?? "";
        var failed = JobStatus.FailedCondition(job);
        if (failed is null || JobStatus.HasSucceeded(job) || IsSuperseded(job, snapshot, ns))
        {
            yield break;
        }

        var reason = string.IsNullOrEmpty(failed.Reason) ? "Unknown" : failed.Reason;
        var message = string.IsNullOrEmpty(failed.Message) ? "" : $": {failed.Message}";
        yield return Failure.Of(
            s_knownReasons.Contains(reason) ? "Job" + reason : "JobFailed",
            $"Job {name} has failed with reason {reason}{message}",
            "status.conditions",
            ns,
            name);
    }

    private static bool IsSuperseded(V1Job job, ClusterSnapshot snapshot, string ns)
    {
        var owner = job.Metadata?.OwnerReferences?.FirstOrDefault(static o => o?.Kind == "CronJob" && o.Controller != false);
        if (owner?.Name is null)
        {
            return false;
        }

        var cronJob = snapshot.Find<V1CronJob>(ns, owner.Name);
        var siblings = snapshot.All<V1Job>()
            .Where(j => (j.Namespace() ?? "") == ns)
            .Where(j => j.Metadata?.OwnerReferences?.Any(o => o is not null && o.Kind == "CronJob"
                && (string.IsNullOrEmpty(owner.Uid) || string.IsNullOrEmpty(o.Uid) ? o.Name == owner.Name : o.Uid == owner.Uid)) == true);

        // A CronJob found under the owner's name but with another uid is a recreated CronJob: its history says
        // nothing about this Job.
        var sameCronJob = cronJob.Found && (string.IsNullOrEmpty(owner.Uid) || cronJob.Value!.Metadata?.Uid is null || cronJob.Value.Metadata.Uid == owner.Uid)
            ? cronJob.Value
            : null;
        return JobHistory.SupersededBySuccess(job, siblings, sameCronJob);
    }
}
