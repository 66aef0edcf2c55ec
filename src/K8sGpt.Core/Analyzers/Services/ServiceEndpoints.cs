using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>The endpoints of one Service: how many are ready, and which are not.</summary>
internal sealed record ServiceEndpoints(int Ready, IReadOnlyList<EndpointTarget> NotReady)
{
    /// <summary>Label EndpointSlices carry to name the Service they belong to.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>
    /// Reads the Service's endpoints from EndpointSlices when they were read for its namespace, else from its
    /// Endpoints object; null when neither could be read (nothing can be said then, and the context is told why).
    /// </summary>
    public static ServiceEndpoints? Read(V1Service service, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = service.Metadata?.NamespaceProperty ?? "";
        var name = service.Metadata?.Name ?? "";
        if (snapshot.WhyUnknown(KnownResources.EndpointSlices, ns) is null)
        {
            var slices = snapshot.All<V1EndpointSlice>()
                .Where(s => s.Metadata?.NamespaceProperty == ns && MetaValues.Label(s.Metadata, ServiceNameLabel) == name);
            return FromSlices(slices);
        }

        var endpoints = snapshot.Find<V1Endpoints>(ns, name);
        switch (endpoints.Outcome)
        {
            case LookupOutcome.Found:
                return FromSubsets(endpoints.Value!.Subsets ?? []);
            case LookupOutcome.NotFound:
                return new ServiceEndpoints(0, []);
            default:
                // Endpoints are the fallback for EndpointSlices, so their reason is the last one tried.
                context.ReportNotChecked(endpoints.Reason, "Service selector");
                return null;
        }
    }

    private static ServiceEndpoints FromSlices(IEnumerable<V1EndpointSlice> slices)
    {
        // Dual-stack Services list the same pod in an IPv4 and an IPv6 slice: count each target once.
        var ready = new HashSet<string>(StringComparer.Ordinal);
        var notReady = new Dictionary<string, EndpointTarget>(StringComparer.Ordinal);
        foreach (var endpoint in slices.SelectMany(static s => s.Endpoints ?? []))
        {
            // A terminating endpoint is on its way out during a rollout; it is neither serving capacity nor a fault.
            if (endpoint.Conditions?.Terminating == true)
            {
                continue;
            }

            var target = EndpointTarget.Of(endpoint.TargetRef, endpoint.Addresses?.FirstOrDefault());
            // Per the API, a nil ready condition is to be read as ready.
            if (endpoint.Conditions?.Ready is false)
            {
                notReady.TryAdd(target.Key, target);
            }
            else
            {
                ready.Add(target.Key);
            }
        }

        return new ServiceEndpoints(ready.Count, [.. notReady.Values]);
    }

    private static ServiceEndpoints FromSubsets(IEnumerable<V1EndpointSubset> subsets)
    {
        var ready = 0;
        var notReady = new List<EndpointTarget>();
        foreach (var subset in subsets)
        {
            ready += subset.Addresses?.Count ?? 0;
            notReady.AddRange((subset.NotReadyAddresses ?? []).Select(static a => EndpointTarget.Of(a.TargetRef, a.Ip)));
        }

        return new ServiceEndpoints(ready, notReady);
    }
}
