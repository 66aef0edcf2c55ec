using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Error lines in the recent logs of failing or restarting containers (the source loads those tails; see
/// <see cref="FailingContainers"/>). One result per container, kind <c>Log</c>, name
/// <c>namespace/pod/container</c>; the quoted line is a failure whose pod, namespace and container are sensitive.
/// </summary>
public sealed class LogAnalyzer : IAnalyzer
{
    public string Name => "Log";

    public AnalyzerTier Tier => AnalyzerTier.Optional;

    public IReadOnlyList<ResourceRead> Reads { get; } =
    [
        ResourceRead.Primary(KnownResources.Pods),
        ResourceRead.Lookup(KnownResources.PodLogs),
        .. ObjectAnalyzer<V1Pod>.OwnerKinds.Select(ResourceRead.Lookup),
    ];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var pods = snapshot.Selected<V1Pod>();
        var byName = pods.ToDictionary(static p => (p.Metadata?.NamespaceProperty ?? "", p.Metadata?.Name ?? ""));
        var findings = new List<Finding>();
        var candidates = FailingContainers.Of(pods).ToArray();
        NoteWhatWasNotRead(snapshot, context, candidates.Length);
        foreach (var candidate in candidates.Take(FailingContainers.MaxContainers))
        {
            var failures = snapshot.LogsFor(candidate.Namespace, candidate.Pod, candidate.Container)
                .Select(log => Describe(log, candidate))
                .OfType<Failure>()
                .ToArray();
            if (failures.Length == 0)
            {
                continue;
            }

            findings.Add(new Finding
            {
                Kind = "Log",
                Namespace = candidate.Namespace,
                ObjectName = $"{candidate.Pod}/{candidate.Container}",
                Uid = byName[(candidate.Namespace, candidate.Pod)].Metadata?.Uid ?? "",
                Failures = failures,
                ParentObject = snapshot.ResolveParent(byName[(candidate.Namespace, candidate.Pod)]),
            });
        }

        return findings;
    }

    /// <summary>Says when failing containers could not be checked, so "nothing found" is not mistaken for "all clear".</summary>
    private static void NoteWhatWasNotRead(ClusterSnapshot snapshot, AnalyzerContext context, int failingContainers)
    {
        var status = snapshot.StatusOf(KnownResources.PodLogs);
        if (failingContainers > 0 && status.State == ReadState.NotRequested)
        {
            context.ReportNote("logs", $"container logs are not in this snapshot, so {failingContainers} failing container(s) were not checked (a snapshot written by `k8sgpt dump` carries them)");
        }
        else if (failingContainers > 0 && !status.IsLoaded)
        {
            context.ReportNote("logs", $"container logs could not be read ({status.State}{(status.Detail.Length > 0 ? ": " + status.Detail : "")}), so {failingContainers} failing container(s) were not checked");
        }
        else if (status.Detail.Length > 0)
        {
            context.ReportNote("logs", status.Detail);
        }
    }

    private static Failure? Describe(ContainerLog log, FailingContainers.Candidate candidate)
    {
        var errors = LogErrorLines.Find(log.Text);
        if (errors.Count == 0)
        {
            return null;
        }

        var instance = log.Previous ? "previous instance of container" : "container";
        return Failure.Of(
            log.Previous ? "LogErrorPreviousInstance" : "LogError",
            $"The {instance} {candidate.Container} in pod {candidate.Namespace}/{candidate.Pod} logged {errors.Count} error line(s) in its recent log; the last: {errors[^1]}",
            "",
            candidate.Namespace,
            candidate.Pod,
            candidate.Container);
    }
}
