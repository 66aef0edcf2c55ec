using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// PodDisruptionBudgets that allow no disruption, that are configured so that no voluntary eviction can ever
/// succeed (node drains hang), or that match no pod.
/// </summary>
public sealed class PodDisruptionBudgetAnalyzer : ObjectAnalyzer<V1PodDisruptionBudget>
{
    public override string Name => "PodDisruptionBudget";

    public override AnalyzerTier Tier => AnalyzerTier.Optional;

    protected override IEnumerable<ResourceType> Lookups => [KnownResources.Pods];

    protected override IEnumerable<Failure> Check(V1PodDisruptionBudget pdb, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = pdb.Metadata?.NamespaceProperty ?? "";
        var name = pdb.Metadata?.Name ?? "";
        var selector = LabelSelector.FromApi(pdb.Spec?.Selector);
        var podsUnknown = snapshot.WhyUnknown(KnownResources.Pods, ns);
        int? matching = podsUnknown is null
            ? snapshot.All<V1Pod>().Count(p => p.Metadata?.NamespaceProperty == ns && IsActive(p) && selector.Matches(p.Metadata?.Labels))
            : null;
        if (podsUnknown is not null)
        {
            context.ReportNotChecked(podsUnknown, "pod selector");
        }

        if (matching == 0)
        {
            yield return Failure.Of(
                "PodDisruptionBudgetNoPods",
                $"PodDisruptionBudget {ns}/{name} does not match any pod (selector: {Describe(selector)})",
                "spec.selector",
                [ns, name, .. selector.Requirements.SelectMany(static r => r.Values)]);
            yield break;
        }

        if (PdbBudget.BlocksEveryEviction(pdb.Spec, matching) is { } blocking)
        {
            yield return Failure.Of(
                "PodDisruptionBudgetBlocksEviction",
                $"PodDisruptionBudget {ns}/{name} {blocking}, which blocks every voluntary eviction (node drains and upgrades will hang)",
                pdb.Spec?.MaxUnavailable is not null ? "spec.maxUnavailable" : "spec.minAvailable",
                ns,
                name);
            yield break;
        }

        // Every condition counts, whatever its position in the list.
        var notAllowed = (pdb.Status?.Conditions ?? []).FirstOrDefault(static c => c?.Type == "DisruptionAllowed" && c.Status == "False");
        if (notAllowed is not null)
        {
            var status = pdb.Status!;
            var reason = string.IsNullOrEmpty(notAllowed.Reason) ? "" : $" ({notAllowed.Reason})";
            yield return Failure.Of(
                "PodDisruptionBudgetDisruptionNotAllowed",
                $"PodDisruptionBudget {ns}/{name} allows no disruption{reason}: {status.CurrentHealthy} healthy pod(s), {status.DesiredHealthy} required, {status.ExpectedPods} expected",
                "status.conditions",
                ns,
                name);
        }
    }

    private static bool IsActive(V1Pod pod) => pod.Status?.Phase is not ("Succeeded" or "Failed");

    private static string Describe(LabelSelector selector) => selector.IsEverything ? "every pod" : selector.ToString() is { Length: > 0 } text ? text : "none";
}
