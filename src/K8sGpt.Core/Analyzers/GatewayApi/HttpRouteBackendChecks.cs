using System.Text.Json.Nodes;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>Whether one backendRef of an HTTPRoute points at a usable Service.</summary>
internal static class HttpRouteBackendChecks
{
    public static IEnumerable<Failure> Check(UnstructuredObject route, JsonObject backendRef, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        // Only core Services are checked; other backend kinds belong to their implementations.
        if (Json.Str(backendRef, "group").Length > 0 || HttpRouteAnalyzer.Or(Json.Str(backendRef, "kind"), "Service") != "Service")
        {
            yield break;
        }

        var routeNs = route.Metadata?.NamespaceProperty ?? "";
        var routeName = route.Metadata?.Name ?? "";
        var serviceNs = HttpRouteAnalyzer.Or(Json.Str(backendRef, "namespace"), routeNs);
        var serviceName = Json.Str(backendRef, "name");
        var lookup = snapshot.Find<V1Service>(serviceNs, serviceName);
        if (lookup.NotFound)
        {
            yield return Failure.Of(
                "HTTPRouteServiceNotFound",
                $"HTTPRoute uses the Service '{serviceNs}/{serviceName}' which does not exist.",
                "spec.rules.backendRefs",
                serviceNs,
                serviceName);
            yield break;
        }

        if (!lookup.Found)
        {
            context.ReportNotChecked(lookup.Reason, "backendRef");
            yield break;
        }

        var grantsUnknown = serviceNs == routeNs ? null : snapshot.WhyUnknown(CustomResources.ReferenceGrants, serviceNs);
        if (grantsUnknown is not null)
        {
            context.ReportNotChecked(grantsUnknown, "cross-namespace backendRef");
        }
        else if (serviceNs != routeNs && !IsGranted(snapshot, routeNs, serviceNs, serviceName))
        {
            yield return Failure.Of(
                "HTTPRouteBackendNotGranted",
                $"HTTPRoute '{routeNs}/{routeName}' uses the Service '{serviceNs}/{serviceName}' in another namespace, but no ReferenceGrant in namespace '{serviceNs}' allows HTTPRoutes from '{routeNs}'.",
                "spec.rules.backendRefs.namespace",
                routeNs,
                routeName,
                serviceNs,
                serviceName);
        }

        var port = Json.Int(backendRef, "port");
        var service = lookup.Value!;
        if (port is { } p && !(service.Spec?.Ports ?? []).Any(sp => sp.Port == p))
        {
            yield return Failure.Of(
                "HTTPRouteServicePortMismatch",
                $"HTTPRoute's backend service '{serviceName}' is using port '{p}' but the corresponding K8s service '{serviceNs}/{serviceName}' isn't configured with the same port.",
                "spec.rules.backendRefs.port",
                serviceNs,
                serviceName);
        }
    }

    /// <summary>Whether a ReferenceGrant lets HTTPRoutes of one namespace use a Service (grants of that namespace were read).</summary>
    private static bool IsGranted(ClusterSnapshot snapshot, string routeNs, string serviceNs, string serviceName) =>
        snapshot.AllUnstructured(CustomResources.ReferenceGrants)
            .Where(g => g.Metadata?.NamespaceProperty == serviceNs)
            .Select(static g => Json.Obj(g.Body, "spec"))
            .Any(spec =>
                Json.Objects(spec, "from").Any(f =>
                    Json.Str(f, "group") == CustomResources.GatewayGroup && Json.Str(f, "kind") == "HTTPRoute" && Json.Str(f, "namespace") == routeNs)
                && Json.Objects(spec, "to").Any(t =>
                    Json.Str(t, "group").Length == 0 && Json.Str(t, "kind") == "Service"
                    && (Json.Str(t, "name").Length == 0 || Json.Str(t, "name") == serviceName)));
}
