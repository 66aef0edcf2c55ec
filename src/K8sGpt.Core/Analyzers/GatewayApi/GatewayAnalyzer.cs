using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Gateways whose GatewayClass does not exist, whose <c>Accepted</c>/<c>Programmed</c> conditions are False, or
/// whose listeners report unresolved references (a missing certificate), conflicts or refusal.
/// </summary>
public sealed class GatewayAnalyzer() : UnstructuredAnalyzer(CustomResources.Gateways)
{
    private static readonly string[] s_gatewayConditions = ["Accepted", "Programmed"];

    public override string Name => "Gateway";

    protected override IEnumerable<ResourceType> Lookups => [CustomResources.GatewayClasses];

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = obj.Metadata?.NamespaceProperty ?? "";
        var name = obj.Metadata?.Name ?? "";
        var failures = new List<Failure>();
        var spec = Json.Obj(obj.Body, "spec");
        var className = Json.Str(spec, "gatewayClassName");

        // Controllers' messages quote listener host names and certificate Secrets, so every failure marks them.
        string[] identities = [ns, name, className, .. ListenerIdentities(spec)];

        if (className.Length > 0)
        {
            var gatewayClass = snapshot.Find<UnstructuredObject>(CustomResources.GatewayClasses, null, className);
            if (gatewayClass.NotFound)
            {
                failures.Add(Failure.Of(
                    "GatewayClassNotFound",
                    $"Gateway uses the GatewayClass {className} which does not exist.",
                    "spec.gatewayClassName",
                    identities));
            }
            else if (!gatewayClass.Found)
            {
                context.ReportNotChecked(gatewayClass.Reason, "gatewayClassName");
            }
        }

        var status = Json.Obj(obj.Body, "status");
        foreach (var condition in Json.Conditions(status).Where(c => s_gatewayConditions.Contains(c.Type) && c.IsFalse))
        {
            failures.Add(Failure.Of(
                $"Gateway{condition.Type}False",
                $"Gateway '{ns}/{name}' has condition {condition.Type}={condition.Status}{condition.Because}",
                "status.conditions",
                identities));
        }

        foreach (var listener in Json.Objects(status, "listeners"))
        {
            var listenerName = Json.Str(listener, "name");
            foreach (var condition in Json.Conditions(listener).Where(IsListenerProblem))
            {
                failures.Add(Failure.Of(
                    $"GatewayListener{condition.Type}",
                    $"Gateway '{ns}/{name}' listener '{listenerName}' has condition {condition.Type}={condition.Status}{condition.Because}",
                    "status.listeners.conditions",
                    identities));
            }
        }

        return failures;
    }

    private static IEnumerable<string> ListenerIdentities(System.Text.Json.Nodes.JsonObject? spec) =>
        Json.Objects(spec, "listeners").SelectMany(static listener =>
            GatewayHostnames.Identities(Json.Str(listener, "hostname"))
                .Concat(Json.Objects(Json.Obj(listener, "tls"), "certificateRefs").SelectMany(static c => new[] { Json.Str(c, "namespace"), Json.Str(c, "name") })));

    // Listener conditions have mixed polarity: Conflicted is bad when True, the others when False.
    private static bool IsListenerProblem(JsonCondition condition) => condition.Type switch
    {
        "Conflicted" => condition.IsTrue,
        "ResolvedRefs" or "Accepted" => condition.IsFalse,
        _ => false,
    };
}
