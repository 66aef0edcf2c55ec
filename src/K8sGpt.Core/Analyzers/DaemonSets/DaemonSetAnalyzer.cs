using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// DaemonSets with fewer ready pods than scheduled (outside a rolling update that is still progressing), pods
/// running on nodes where they should not, and image pull Secrets that do not exist.
/// </summary>
public sealed class DaemonSetAnalyzer : ObjectAnalyzer<V1DaemonSet>
{
    /// <summary>How long a pod of a rolling update may take to become ready before the update counts as stalled.</summary>
    public static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(5);

    public override string Name => "DaemonSet";

    protected override IEnumerable<ResourceType> Lookups => [KnownResources.Secrets, KnownResources.Pods];

    protected override IEnumerable<Failure> Check(V1DaemonSet daemonSet, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = daemonSet.Namespace() ?? "";
        var name = daemonSet.Name() ?? "";
        var status = daemonSet.Status;
        var failures = new List<Failure>();

        var desired = status?.DesiredNumberScheduled ?? 0;
        var ready = status?.NumberReady ?? 0;
        if (ready < desired && DaemonSetRollout.Judge(daemonSet, snapshot, context) is { Reportable: true } rollout)
        {
            failures.Add(Failure.Of(
                "DaemonSetPodsNotReady",
                $"DaemonSet {ns}/{name} has {ready} ready replicas out of {desired} scheduled{rollout.Detail}",
                "status.numberReady",
                [ns, name, .. rollout.Sensitive]));
        }

        if (status?.NumberMisscheduled is > 0 and var misscheduled)
        {
            failures.Add(Failure.Of(
                "DaemonSetMisscheduled",
                $"DaemonSet {ns}/{name} has {misscheduled} pod(s) running on nodes where they are not supposed to run",
                "status.numberMisscheduled",
                ns,
                name));
        }

        var pullSecrets = (daemonSet.Spec?.Template?.Spec?.ImagePullSecrets ?? [])
            .Select(static s => s?.Name)
            .OfType<string>()
            .Where(static s => s.Length > 0)
            .Distinct(StringComparer.Ordinal);
        foreach (var secret in pullSecrets)
        {
            // Only a Secret known to be absent is reported: reading Secrets is often forbidden, and then we cannot tell.
            var lookup = snapshot.Find<V1Secret>(ns, secret);
            if (lookup.NotFound)
            {
                failures.Add(Failure.Of(
                    "DaemonSetImagePullSecretMissing",
                    $"DaemonSet {ns}/{name} references non-existent ImagePullSecret {secret}",
                    "spec.template.spec.imagePullSecrets",
                    ns,
                    name,
                    secret));
            }
            else if (!lookup.Found)
            {
                context.ReportNotChecked(lookup.Reason, "imagePullSecret");
            }
        }

        return failures;
    }
}
