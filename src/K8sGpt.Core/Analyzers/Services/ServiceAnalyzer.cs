using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Services whose selector matches no ready endpoint, whose endpoints are not ready, or that have warning events.
/// Driven by the Services themselves; endpoints come from EndpointSlices when they were read, else from Endpoints.
/// </summary>
public sealed class ServiceAnalyzer : ObjectAnalyzer<V1Service>
{
    /// <summary>Annotation that marks an Endpoints or ConfigMap object as a leader-election lock.</summary>
    public const string LeaderAnnotation = "control-plane.alpha.kubernetes.io/leader";

    public override string Name => "Service";

    protected override IEnumerable<ResourceType> Lookups =>
        [KnownResources.EndpointSlices, KnownResources.Endpoints, KnownResources.Events];

    protected override IEnumerable<Failure> Check(V1Service service, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = service.Metadata?.NamespaceProperty ?? "";
        var name = service.Metadata?.Name ?? "";
        if (IsLeaderLock(service.Metadata) || IsLeaderLock(snapshot.Find<V1Endpoints>(ns, name).Value?.Metadata))
        {
            return [];
        }

        var failures = new List<Failure>();
        var selector = service.Spec?.Selector;
        var selectsPods = service.Spec?.Type != "ExternalName" && selector is { Count: > 0 };
        if (selectsPods && ServiceEndpoints.Read(service, snapshot, context) is { } endpoints)
        {
            if (endpoints.Ready == 0 && endpoints.NotReady.Count == 0)
            {
                var labels = string.Join(",", selector!.OrderBy(static kv => kv.Key, StringComparer.Ordinal).Select(static kv => $"{kv.Key}={kv.Value}"));
                failures.Add(Failure.Of(
                    "ServiceNoEndpoints",
                    $"Service has no endpoints, expected label {labels}",
                    "spec.selector",
                    [ns, name, .. selector!.Values]));
            }
            else if (endpoints.NotReady.Count > 0)
            {
                var pods = endpoints.NotReady.Select(static t => t.Label).ToArray();
                failures.Add(Failure.Of(
                    "ServiceNotReadyEndpoints",
                    $"Service has not ready endpoints, pods: [{string.Join(" ", pods)}], expected {endpoints.NotReady.Count}",
                    "subsets.notReadyAddresses",
                    [ns, name, .. endpoints.NotReady.Select(static t => t.Name)]));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evt in snapshot.EventsFor(service, "Service"))
        {
            if (evt.Type is "Normal" or null || string.IsNullOrEmpty(evt.Message) || !seen.Add(evt.Message))
            {
                continue;
            }

            failures.Add(Failure.Of("ServiceWarningEvent", $"Service {ns}/{name} has event {evt.Message}", "", ns, name));
        }

        return failures;
    }

    internal static bool IsLeaderLock(V1ObjectMeta? meta) =>
        meta?.Annotations?.ContainsKey(LeaderAnnotation) == true;
}
