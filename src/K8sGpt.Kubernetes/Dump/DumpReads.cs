using K8sGpt.Core.Analysis;

namespace K8sGpt.Kubernetes.Dump;

/// <summary>What a dump reads: every type any analyzer of the catalog reads, all whole (as lookups, never label-filtered).</summary>
public static class DumpReads
{
    public static IReadOnlyList<ResourceRead> For(AnalyzerCatalog catalog) =>
        catalog.Analyzers
            .SelectMany(static a => a.Reads)
            .Select(static r => r.Type)
            .Distinct()
            .OrderBy(static t => t.Resource, StringComparer.Ordinal)
            .Select(ResourceRead.Lookup)
            .ToArray();
}
