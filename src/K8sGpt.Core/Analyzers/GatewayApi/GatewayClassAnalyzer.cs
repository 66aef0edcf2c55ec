using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>GatewayClasses whose <c>Accepted</c> condition (found by type, not position) is not True.</summary>
public sealed class GatewayClassAnalyzer() : UnstructuredAnalyzer(CustomResources.GatewayClasses)
{
    public override string Name => "GatewayClass";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var name = obj.Metadata?.Name ?? "";
        var accepted = Json.Condition(Json.Obj(obj.Body, "status"), "Accepted");
        if (accepted is null || accepted.IsTrue)
        {
            yield break;
        }

        var controller = Json.Str(Json.Obj(obj.Body, "spec"), "controllerName");
        yield return Failure.Of(
            "GatewayClassNotAccepted",
            $"GatewayClass '{name}' with a controller name '{controller}' is not accepted. Message: '{accepted.Message}'.",
            "status.conditions",
            name);
    }
}
