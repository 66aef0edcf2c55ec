using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// NetworkPolicies that select no pod of their namespace, and egress policies under which the pods they select
/// cannot reach DNS. An empty podSelector applies the policy to every pod of the namespace (usually a default
/// deny): that is a deliberate choice and is not reported.
/// </summary>
public sealed class NetworkPolicyAnalyzer : ObjectAnalyzer<V1NetworkPolicy>
{
    public override string Name => "NetworkPolicy";

    public override AnalyzerTier Tier => AnalyzerTier.Optional;

    protected override bool ReportsParent => false;

    protected override IEnumerable<ResourceType> Lookups => [KnownResources.Pods];

    protected override IEnumerable<Failure> Check(V1NetworkPolicy policy, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = policy.Metadata?.NamespaceProperty ?? "";
        var name = policy.Metadata?.Name ?? "";
        if (snapshot.WhyUnknown(KnownResources.Pods, ns) is { } podsUnknown)
        {
            context.ReportNotChecked(podsUnknown, "podSelector");
            yield break;
        }

        var selector = LabelSelector.FromApi(policy.Spec?.PodSelector ?? new V1LabelSelector());
        var pods = snapshot.All<V1Pod>()
            .Where(p => p.Metadata?.NamespaceProperty == ns && p.Status?.Phase is not ("Succeeded" or "Failed") && selector.Matches(p.Metadata?.Labels))
            .ToArray();
        if (pods.Length == 0)
        {
            if (!selector.IsEverything)
            {
                yield return Failure.Of(
                    "NetworkPolicyNoPods",
                    $"Network policy is not applied to any pods: {name}",
                    "spec.podSelector",
                    ns,
                    name);
            }

            yield break;
        }

        if (NetworkPolicyDns.BlockedFor(policy, pods, snapshot) is { } blocked)
        {
            yield return Failure.Of(
                "NetworkPolicyBlocksDns",
                $"Network policy {name} restricts egress and no egress rule of the namespace allows DNS (port 53 to kube-system) for pod(s) {string.Join(", ", blocked)}",
                "spec.egress",
                [ns, name, .. blocked]);
        }
    }
}
