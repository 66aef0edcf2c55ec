using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Subscriptions whose conditions report a failure. Subscription conditions are "bad when True":
/// <c>ResolutionFailed</c>, <c>CatalogSourcesUnhealthy</c> and <c>InstallPlanFailed</c> set to True are problems, False
/// is healthy; the state (even <c>AtLatestKnown</c>) does not hide them, and <c>UpgradePending</c> alone is not one.
/// </summary>
public sealed class SubscriptionAnalyzer() : UnstructuredAnalyzer(CustomResources.Subscriptions)
{
    private static readonly string[] s_badWhenTrue = ["ResolutionFailed", "CatalogSourcesUnhealthy", "InstallPlanFailed"];

    public override string Name => "Subscription";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var status = Json.Obj(obj.Body, "status");
        var state = Json.Str(status, "state");
        foreach (var condition in Json.Conditions(status).Where(static c => s_badWhenTrue.Contains(c.Type) && c.IsTrue))
        {
            var detail = condition.ReasonAndMessage.Length > 0 ? $": {condition.ReasonAndMessage}" : "";
            yield return Failure.Of($"Subscription{condition.Type}", $"state=\"{state}\": {condition.Type}=True{detail}", "status.conditions");
        }
    }
}
