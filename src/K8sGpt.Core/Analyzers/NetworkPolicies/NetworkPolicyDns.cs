using k8s.Models;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Whether pods restricted by an egress policy can still reach cluster DNS. Policies are additive, so DNS counts as
/// allowed when any egress policy of the namespace selecting the pod allows it. Pure deny policies (egress type,
/// no rules) are never the ones blamed: they are the usual default deny, paired with an allow policy.
/// </summary>
internal static class NetworkPolicyDns
{
    private const string DnsNamespace = "kube-system";

    /// <summary>Names of the selected pods that cannot reach DNS (at most 5), or null when all can.</summary>
    public static IReadOnlyList<string>? BlockedFor(V1NetworkPolicy policy, IReadOnlyList<V1Pod> pods, ClusterSnapshot snapshot)
    {
        if (!RestrictsEgress(policy) || (policy.Spec?.Egress?.Count ?? 0) == 0)
        {
            return null;
        }

        var ns = policy.Metadata?.NamespaceProperty ?? "";
        var egressPolicies = snapshot.All<V1NetworkPolicy>()
            .Where(p => p.Metadata?.NamespaceProperty == ns && RestrictsEgress(p))
            .Select(p => (Selector: LabelSelector.FromApi(p.Spec?.PodSelector ?? new V1LabelSelector()), Policy: p))
            .ToArray();
        var dnsLabels = DnsNamespaceLabels(snapshot);
        var blocked = pods
            .Where(pod => !egressPolicies
                .Where(e => e.Selector.Matches(pod.Metadata?.Labels))
                .Any(e => AllowsDns(e.Policy, ns, dnsLabels)))
            .Select(static pod => pod.Metadata?.Name ?? "")
            .Take(5)
            .ToArray();
        return blocked.Length == 0 ? null : blocked;
    }

    private static bool RestrictsEgress(V1NetworkPolicy policy) =>
        policy.Spec?.PolicyTypes is { Count: > 0 } types ? types.Contains("Egress") : policy.Spec?.Egress is not null;

    private static bool AllowsDns(V1NetworkPolicy policy, string ns, IDictionary<string, string> dnsLabels) =>
        (policy.Spec?.Egress ?? []).Any(rule => rule is not null && AllowsPort53(rule.Ports) && ReachesDnsNamespace(rule.To, ns, dnsLabels));

    private static bool AllowsPort53(IList<V1NetworkPolicyPort>? ports) =>
        ports is null || ports.Count == 0 || ports.Any(static p => p?.Port is null || p.Port.Value is "53" or "dns" or "dns-tcp" || CoversPort53(p));

    private static bool CoversPort53(V1NetworkPolicyPort port) =>
        port.EndPort is { } end && int.TryParse(port.Port?.Value, out var start) && start <= 53 && end >= 53;

    private static bool ReachesDnsNamespace(IList<V1NetworkPolicyPeer>? peers, string ns, IDictionary<string, string> dnsLabels) =>
        peers is null || peers.Count == 0 || peers.Any(peer => peer is not null && (
            peer.IpBlock is not null // CIDR rules may cover the DNS service; we cannot tell, so give the benefit of the doubt
            || (peer.NamespaceSelector is { } nsSelector && LabelSelector.FromApi(nsSelector).Matches(dnsLabels))
            || (peer.NamespaceSelector is null && ns == DnsNamespace)));

    /// <summary>The DNS namespace's labels: the label every namespace carries, plus its own when another analyzer read namespaces.</summary>
    private static IDictionary<string, string> DnsNamespaceLabels(ClusterSnapshot snapshot)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = DnsNamespace };
        if (snapshot.Find<V1Namespace>(null, DnsNamespace).Value?.Metadata?.Labels is { } actual)
        {
            foreach (var (key, value) in actual)
            {
                labels[key] = value;
            }
        }

        return labels;
    }
}
