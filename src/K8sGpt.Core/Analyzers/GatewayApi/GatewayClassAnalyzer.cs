using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>GatewayClasses whose <c>Accepted</c> condition (found by type, not position) is False.</summary>
public sealed class GatewayClassAnalyzer() : UnstructuredAnalyzer(CustomResources.GatewayClasses)
{
    public override string Name => "GatewayClass";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var name = obj.Metadata?.Name ?? "";
        var accepted = Json.Condition(Json.Obj(obj.Body, "status"), "Accepted");

        // Only an explicit False is a refusal; no status (or Unknown) means the controller has not decided yet.
        if (accepted is null || !accepted.IsFalse)
        {
            yield break;
        }

        var spec = Json.Obj(obj.Body, "spec");
        var controller = Json.Str(spec, "controllerName");
        var parameters = Json.Obj(spec, "parametersRef");

        // The controller name carries its vendor's domain, and refusals quote the parameters object by name.
        yield return Failure.Of(
            "GatewayClassNotAccepted",
            $"GatewayClass '{name}' with a controller name '{controller}' is not accepted.{(accepted.Message.Length > 0 ? $" Message: '{accepted.Message}'." : "")}",
            "status.conditions",
            name,
            controller,
            Json.Str(parameters, "namespace"),
            Json.Str(parameters, "name"));
    }
}
