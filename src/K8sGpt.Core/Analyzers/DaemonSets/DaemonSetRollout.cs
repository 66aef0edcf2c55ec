using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Decides whether a DaemonSet's missing ready pods are the expected state of a rolling update still in progress.
/// </summary>
/// <remarks>
/// DaemonSets have no progress deadline and their controller sets no conditions, so the rule is built from status
/// counters and, when they are readable, the DaemonSet's own pods:
/// <list type="number">
/// <item>observedGeneration behind generation: the controller has not acted on the latest spec yet and the counters
/// describe the previous one, so they are not judged.</item>
/// <item>A rolling update is active when the strategy is RollingUpdate (the default; OnDelete never rolls by
/// itself) and updatedNumberScheduled is below desiredNumberScheduled.</item>
/// <item>An active update is progressing when numberUnavailable stays within its maxUnavailable budget (at least 1)
/// and none of the DaemonSet's not-ready pods is stuck: every one of them is younger than the startup grace and
/// shows no error (no restarts, no waiting reason other than ContainerCreating/PodInitializing, not unschedulable).
/// A stuck pod means the update stalled, which the controller never reports on its own, so it is reported with
/// the pod that shows why.</item>
/// </list>
/// </remarks>
internal static class DaemonSetRollout
{
    /// <summary>Whether to report, with a detail sentence to append and the object names it mentions.</summary>
    public sealed record Verdict(bool Reportable, string Detail, IReadOnlyList<string?> Sensitive)
    {
        public static readonly Verdict Report = new(true, "", []);
        public static readonly Verdict Hold = new(false, "", []);
    }

    public static Verdict Judge(V1DaemonSet daemonSet, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var status = daemonSet.Status;
        if (daemonSet.Metadata?.Generation is { } generation && (status?.ObservedGeneration ?? 0) < generation)
        {
            return Verdict.Hold;
        }

        var desired = status?.DesiredNumberScheduled ?? 0;
        var ready = status?.NumberReady ?? 0;
        var rolling = (daemonSet.Spec?.UpdateStrategy?.Type ?? "RollingUpdate") == "RollingUpdate"
            && (status?.UpdatedNumberScheduled ?? desired) < desired;
        if (!rolling)
        {
            return Verdict.Report;
        }

        var unavailable = status?.NumberUnavailable ?? desired - ready;
        var budget = Math.Max(1, Scaled(daemonSet.Spec?.UpdateStrategy?.RollingUpdate?.MaxUnavailable, desired, 1));
        if (unavailable > budget)
        {
            return Verdict.Report;
        }

        if (snapshot.WhyUnknown(KnownResources.Pods, daemonSet.Namespace()) is { } podsUnknown)
        {
            context.ReportNotChecked(podsUnknown, "rolling DaemonSet's pods", "rolling DaemonSets' pods");
            return Verdict.Hold;
        }

        var stuck = Ownership.OwnedBy<V1Pod>(snapshot, daemonSet, "DaemonSet")
            .Where(p => p.Metadata?.DeletionTimestamp is null && !PodHealth.IsRunningAndReady(p) && !PodHealth.IsStarting(p, context.Now, DaemonSetRollout.Grace))
            .OrderBy(static p => p.Name(), StringComparer.Ordinal)
            .FirstOrDefault();
        if (stuck is null)
        {
            return Verdict.Hold;
        }

        var podName = stuck.Name() ?? "";
        var waiting = PodHealth.Waiting(stuck);
        var why = waiting is { } w
            ? $"container {w.Container} of pod {podName} is waiting: {w.Reason}"
            : $"pod {podName} is {(string.IsNullOrEmpty(stuck.Status?.Phase) ? "Unknown" : stuck.Status.Phase)} and not ready";
        return new Verdict(true, $"; the rolling update is stalled: {why}", [podName, waiting?.Container]);
    }

    private static TimeSpan Grace => DaemonSetAnalyzer.StartupGrace;

    /// <summary>An int-or-percent value scaled against <paramref name="total"/>, percentages rounded up as the controller does.</summary>
    private static int Scaled(IntOrString? value, int total, int fallback)
    {
        var text = value?.Value;
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), out var percent))
        {
            return (int)Math.Ceiling(total * percent / 100.0);
        }

        return int.TryParse(text, out var number) ? number : fallback;
    }
}
