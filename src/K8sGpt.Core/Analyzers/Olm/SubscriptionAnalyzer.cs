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
        var spec = Json.Obj(obj.Body, "spec");

        // Resolution messages quote the package, its catalog and the CSVs by name.
        string?[] identities =
        [
            obj.Metadata?.NamespaceProperty, obj.Metadata?.Name, Json.Str(spec, "name"), Json.Str(spec, "source"), Json.Str(spec, "sourceNamespace"),
            Json.Str(status, "currentCSV"), Json.Str(status, "installedCSV"),
        ];
        foreach (var condition in Json.Conditions(status).Where(static c => s_badWhenTrue.Contains(c.Type) && c.IsTrue))
        {
            var detail = condition.ReasonAndMessage.Length > 0 ? $": {condition.ReasonAndMessage}" : "";
            yield return Failure.Of($"Subscription{condition.Type}", $"state=\"{state}\": {condition.Type}=True{detail}", "status.conditions", identities);
        }
    }
}
