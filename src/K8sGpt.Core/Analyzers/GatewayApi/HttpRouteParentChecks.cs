using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>Whether an HTTPRoute can attach to one parentRef: only Gateway parents are checked.</summary>
internal static class HttpRouteParentChecks
{
    public static IEnumerable<Failure> Check(UnstructuredObject route, JsonObject parentRef, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var group = HttpRouteAnalyzer.Or(Json.Str(parentRef, "group"), CustomResources.GatewayGroup);
        var kind = HttpRouteAnalyzer.Or(Json.Str(parentRef, "kind"), "Gateway");

        // Mesh (GAMMA) routes attach to Services, and other kinds belong to other implementations.
        if (group != CustomResources.GatewayGroup || kind != "Gateway")
        {
            yield break;
        }

        var routeNs = route.Metadata?.NamespaceProperty ?? "";
        var routeName = route.Metadata?.Name ?? "";
        var gatewayNs = HttpRouteAnalyzer.Or(Json.Str(parentRef, "namespace"), routeNs);
        var gatewayName = Json.Str(parentRef, "name");
        var lookup = snapshot.Find<UnstructuredObject>(CustomResources.Gateways, gatewayNs, gatewayName);
        if (lookup.NotFound)
        {
            yield return Failure.Of(
                "HTTPRouteGatewayNotFound",
                $"HTTPRoute uses the Gateway '{gatewayNs}/{gatewayName}' which does not exist.",
                "spec.parentRefs",
                gatewayNs,
                gatewayName);
            yield break;
        }

        if (!lookup.Found)
        {
            context.ReportNotChecked(lookup.Reason, "parentRef");
            yield break;
        }

        var listeners = Json.Objects(Json.Obj(lookup.Value!.Body, "spec"), "listeners");
        var section = Json.Str(parentRef, "sectionName");
        if (section.Length > 0)
        {
            listeners = [.. listeners.Where(l => Json.Str(l, "name") == section)];
            if (listeners.Count == 0)
            {
                yield return Failure.Of(
                    "HTTPRouteListenerNotFound",
                    $"HTTPRoute '{routeNs}/{routeName}' references listener '{section}' which Gateway '{gatewayNs}/{gatewayName}' does not have.",
                    "spec.parentRefs.sectionName",
                    routeNs,
                    routeName,
                    gatewayNs,
                    gatewayName);
                yield break;
            }
        }

        // The route attaches when any of the listeners it targets admits its namespace.
        var refusals = new List<Failure>();
        foreach (var listener in listeners)
        {
            if (Refusal(listener, routeNs, routeName, gatewayNs, gatewayName, snapshot, context) is not { } refusal)
            {
                yield break;
            }

            refusals.Add(refusal);
        }

        foreach (var refusal in refusals.DistinctBy(static r => r.Text))
        {
            yield return refusal;
        }
    }

    /// <summary>Why a listener does not admit routes from the route's namespace, or null when it does (or cannot be known).</summary>
    private static Failure? Refusal(JsonObject listener, string routeNs, string routeName, string gatewayNs, string gatewayName, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var namespaces = Json.Obj(Json.Obj(listener, "allowedRoutes"), "namespaces");

        // The CRD defaults allowedRoutes.namespaces.from to Same.
        var from = HttpRouteAnalyzer.Or(Json.Str(namespaces, "from"), "Same");
        switch (from)
        {
            case "All":
                return null;
            case "Same":
                return routeNs == gatewayNs
                    ? null
                    : Failure.Of(
                        "HTTPRouteNamespaceNotAllowed",
                        $"HTTPRoute '{routeNs}/{routeName}' is deployed in a different namespace from Gateway '{gatewayNs}/{gatewayName}' which only allows HTTPRoutes from its namespace.",
                        "spec.listeners.allowedRoutes.namespaces.from",
                        routeNs,
                        routeName,
                        gatewayNs,
                        gatewayName);
            case "Selector":
                var ns = snapshot.Find<V1Namespace>(null, routeNs);
                if (!ns.Found)
                {
                    if (!ns.NotFound)
                    {
                        context.ReportNotChecked(ns.Reason, "listener namespace selector");
                    }

                    return null;
                }

                var selectorNode = Json.Obj(namespaces, "selector");
                var selector = selectorNode is null
                    ? LabelSelector.Nothing
                    : LabelSelector.FromApi(KubernetesJson.Deserialize<V1LabelSelector>(selectorNode.ToJsonString()));
                return selector.Matches(ns.Value!.Metadata?.Labels)
                    ? null
                    : Failure.Of(
                        "HTTPRouteNamespaceNotSelected",
                        $"HTTPRoute '{routeNs}/{routeName}' can't be attached on Gateway '{gatewayNs}/{gatewayName}', the labels of namespace '{routeNs}' do not match the listener's namespace selector.",
                        "spec.listeners.allowedRoutes.namespaces.selector",
                        routeNs,
                        routeName,
                        gatewayNs,
                        gatewayName);
            default:
                return null;
        }
    }
}
