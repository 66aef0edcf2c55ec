using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>InstallPlans in phase <c>Failed</c>. Plans waiting for manual approval are a policy choice, not a problem.</summary>
public sealed class InstallPlanAnalyzer() : UnstructuredAnalyzer(CustomResources.InstallPlans)
{
    public override string Name => "InstallPlan";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var status = Json.Obj(obj.Body, "status");
        if (Json.Str(status, "phase") != "Failed")
        {
            yield break;
        }

        var conditions = Json.Conditions(status);
        var why = conditions.FirstOrDefault(static c => c.IsFalse && c.ReasonAndMessage.Length > 0)
            ?? conditions.LastOrDefault(static c => c.ReasonAndMessage.Length > 0);
        var detail = why is null ? " (see status.conditions)" : $": {why.ReasonAndMessage}";
        var versions = Json.Strs(Json.Obj(obj.Body, "spec"), "clusterServiceVersionNames");
        yield return Failure.Of("InstallPlanFailed", $"phase=\"Failed\"{detail}", "status.phase", [obj.Metadata?.NamespaceProperty, obj.Metadata?.Name, .. versions]);
    }
}
