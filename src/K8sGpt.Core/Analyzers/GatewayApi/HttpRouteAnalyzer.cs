using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// HTTPRoutes that cannot attach to their parent Gateways (missing Gateway, missing listener, namespace policy),
/// whose Service backends are missing, not granted across namespaces or lack the port, and whose own status says a
/// parent did not accept them or could not resolve their references.
/// </summary>
public sealed class HttpRouteAnalyzer() : UnstructuredAnalyzer(CustomResources.HttpRoutes)
{
    public override string Name => "HTTPRoute";

    protected override IEnumerable<ResourceType> Lookups =>
        [CustomResources.Gateways, CustomResources.ReferenceGrants, KnownResources.Services, KnownResources.Namespaces];

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = obj.Metadata?.NamespaceProperty ?? "";
        var name = obj.Metadata?.Name ?? "";
        var spec = Json.Obj(obj.Body, "spec");
        var failures = new List<Failure>();

        foreach (var parentRef in Json.Objects(spec, "parentRefs"))
        {
            failures.AddRange(HttpRouteParentChecks.Check(obj, parentRef, snapshot, context));
        }

        foreach (var rule in Json.Objects(spec, "rules"))
        {
            foreach (var backendRef in Json.Objects(rule, "backendRefs"))
            {
                failures.AddRange(HttpRouteBackendChecks.Check(obj, backendRef, snapshot, context));
            }
        }

        // Status messages come from the Gateway's controller and quote backends and host names by name.
        string[] identities =
        [
            ns,
            name,
            .. Json.Strs(spec, "hostnames").SelectMany(GatewayHostnames.Identities),
            .. Json.Objects(spec, "rules").SelectMany(static r => Json.Objects(r, "backendRefs")).SelectMany(b => new[] { Or(Json.Str(b, "namespace"), ns), Json.Str(b, "name") }),
        ];
        foreach (var parent in Json.Objects(Json.Obj(obj.Body, "status"), "parents"))
        {
            var parentRef = Json.Obj(parent, "parentRef");
            var parentNs = Or(Json.Str(parentRef, "namespace"), ns);
            var parentName = $"{parentNs}/{Json.Str(parentRef, "name")}";
            foreach (var condition in Json.Conditions(parent).Where(static c => c.Type is "Accepted" or "ResolvedRefs" && c.IsFalse))
            {
                failures.Add(Failure.Of(
                    $"HTTPRoute{condition.Type}False",
                    $"HTTPRoute '{ns}/{name}' has condition {condition.Type}=False from parent '{parentName}'{condition.Because}",
                    "status.parents.conditions",
                    [.. identities, parentNs, Json.Str(parentRef, "name")]));
            }
        }

        return failures.DistinctBy(static f => f.Text);
    }

    internal static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
