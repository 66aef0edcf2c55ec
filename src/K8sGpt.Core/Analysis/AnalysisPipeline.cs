using K8sGpt.Core.Findings;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>
/// The one path every door takes: select analyzers, read what they need once, run them, report.
/// </summary>
public sealed class AnalysisPipeline(AnalyzerCatalog catalog, AnalysisRunner runner)
{
    public AnalysisPipeline()
        : this(AnalyzerCatalog.Default, new AnalysisRunner())
    {
    }

    public AnalyzerCatalog Catalog => catalog;

    /// <summary>Runs an analysis.</summary>
    /// <exception cref="LabelSelectorParseException">The request's label selector is not valid.</exception>
    public async Task<AnalysisReport> RunAsync(
        AnalysisRequest request,
        IClusterSource source,
        IReadOnlyList<string> activeFilters,
        CancellationToken cancellationToken)
    {
        var selector = LabelSelector.Parse(request.LabelSelector);
        var selection = catalog.Select(request.Filters, activeFilters);
        var reads = ReadsOf(selection.Analyzers);
        var snapshot = await source.LoadAsync(reads, new ScanScope(request.Namespace.Trim(), selector), cancellationToken).ConfigureAwait(false);
        var report = await runner.RunAsync(snapshot, selection, request, cancellationToken).ConfigureAwait(false);
        return report with { Snapshot = snapshot.Facts };
    }

    /// <summary>
    /// The union of what the analyzers read. A type read as a lookup by any analyzer is read whole (the label
    /// selector only narrows what is reported, in memory), so lookups never miss objects.
    /// </summary>
    public static IReadOnlyList<ResourceRead> ReadsOf(IEnumerable<IAnalyzer> analyzers) =>
        analyzers
            .SelectMany(static a => a.Reads)
            .GroupBy(static r => r.Type)
            .Select(static g => g.Any(static r => r.Role == ReadRole.Lookup) ? ResourceRead.Lookup(g.Key) : ResourceRead.Primary(g.Key))
            .OrderBy(static r => r.Type.Resource, StringComparer.Ordinal)
            .ToArray();
}
