using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Dump;

/// <summary>What a dump reads: every type any analyzer of the catalog reads, all whole (as lookups, never label-filtered).</summary>
public static class DumpReads
{
    public static IReadOnlyList<ResourceRead> For(AnalyzerCatalog catalog) =>
        catalog.Analyzers
            .SelectMany(static a => a.Reads)
            .Select(static r => r.Type)
            .Distinct()
            // Dump files do not carry container logs (yet): reading them would cost requests for nothing.
            .Where(static t => t != KnownResources.PodLogs)
            .OrderBy(static t => t.Resource, StringComparer.Ordinal)
            .Select(ResourceRead.Lookup)
            .ToArray();
}
