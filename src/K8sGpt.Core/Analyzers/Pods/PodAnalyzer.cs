using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Pods that cannot be scheduled, were evicted or failed, are stuck terminating, or have containers that crash,
/// cannot start, restarted after an OOM kill or non-zero exit, or fail their readiness probes.
/// </summary>
public sealed class PodAnalyzer : ObjectAnalyzer<V1Pod>
{
    /// <summary>How long past its grace period a deleted pod may linger before it counts as stuck.</summary>
    public static readonly TimeSpan TerminatingGrace = TimeSpan.FromMinutes(5);

    public override string Name => "Pod";

    protected override IEnumerable<ResourceType> Lookups => [KnownResources.Events];

    protected override IEnumerable<Failure> Check(V1Pod pod, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var failures = new List<Failure>();
        var ns = pod.Namespace() ?? "";
        var name = pod.Name() ?? "";
        var phase = pod.Status?.Phase ?? "";

        if (phase == "Pending")
        {
            failures.AddRange(PodSchedulingChecks.Check(pod, context.Now, ns, name));
        }

        if (pod.Status?.Reason == "Evicted")
        {
            var message = pod.Status.Message is { Length: > 0 } m ? m : $"Pod {name} has been evicted";
            failures.Add(Failure.Of("PodEvicted", message, "status.reason", ns, name));
        }
        else if (phase == "Failed" && pod.Status?.Reason is { Length: > 0 } reason)
        {
            var message = pod.Status.Message is { Length: > 0 } m ? $": {m}" : "";
            failures.Add(Failure.Of("PodFailed", $"Pod {name} failed with reason {reason}{message}", "status.reason", ns, name));
        }

        if (pod.Metadata?.DeletionTimestamp is { } deleted)
        {
            var grace = TimeSpan.FromSeconds(pod.Metadata?.DeletionGracePeriodSeconds ?? 0);
            var lingering = context.Now - new DateTimeOffset(DateTime.SpecifyKind(deleted, DateTimeKind.Utc)) - grace;
            if (lingering > TerminatingGrace)
            {
                failures.Add(Failure.Of(
                    "PodStuckTerminating",
                    $"Pod {name} has been terminating for {Durations.Describe(lingering + grace)} (deletion requested at {deleted:yyyy-MM-ddTHH:mm:ssZ})",
                    "metadata.deletionTimestamp",
                    ns,
                    name));
            }
        }

        // Containers of a pod that belongs to a Job which has since succeeded are history, not a problem.
        if (!BelongsToSucceededJob(pod, snapshot))
        {
            failures.AddRange(ContainerStatusChecks.Check(pod, snapshot, ns, name));
        }

        return failures;
    }

    private static bool BelongsToSucceededJob(V1Pod pod, ClusterSnapshot snapshot)
    {
        var owner = pod.Metadata?.OwnerReferences?.FirstOrDefault(static o => o.Kind == "Job");
        if (owner is null)
        {
            return false;
        }

        var job = snapshot.Find<V1Job>(pod.Namespace(), owner.Name);
        return job.Found && JobStatus.HasSucceeded(job.Value!);
    }
}
