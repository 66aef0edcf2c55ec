using K8sGpt.Core.Analysis;

namespace K8sGpt.Core.Integrations;

/// <summary>
/// How activating or deactivating an integration changes <c>active_filters</c>, shared by the CLI and the gRPC
/// config service. An empty list means "the core analyzers", so activation first makes that explicit, then adds the
/// integration's analyzers; the stored order is the catalog's (core, optional, integration), unknown names last.
/// </summary>
public static class IntegrationFilters
{
    /// <summary>The active set: <c>active_filters</c> in catalog order, or the core analyzers when it is empty.</summary>
    public static IReadOnlyList<string> Active(AnalyzerCatalog catalog, IReadOnlyList<string> activeFilters) =>
        activeFilters.Count > 0 ? Ordered(catalog, activeFilters) : catalog.CoreNames;

    /// <summary>Catalog order first; names the catalog does not know keep their place at the end.</summary>
    public static IReadOnlyList<string> Ordered(AnalyzerCatalog catalog, IEnumerable<string> names)
    {
        var distinct = names.Select(n => catalog.Canonical(n) ?? n.Trim()).Where(static n => n.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var known = catalog.Names.Where(n => distinct.Contains(n, StringComparer.Ordinal));
        var unknown = distinct.Where(n => catalog.Canonical(n) is null);
        return [.. known, .. unknown];
    }

    /// <summary>The filters after activation and the names it added (none when already active).</summary>
    public static (IReadOnlyList<string> Filters, IReadOnlyList<string> Added) Activate(
        AnalyzerCatalog catalog, IReadOnlyList<string> activeFilters, Integration integration)
    {
        var current = Active(catalog, activeFilters);
        var added = integration.Activated.Where(a => !current.Contains(a, StringComparer.OrdinalIgnoreCase)).ToArray();
        return added.Length == 0 ? (activeFilters, added) : (Ordered(catalog, [.. current, .. added]), added);
    }

    /// <summary>The filters after deactivation and the names it removed (none when it was not active).</summary>
    public static (IReadOnlyList<string> Filters, IReadOnlyList<string> Removed) Deactivate(IReadOnlyList<string> activeFilters, Integration integration)
    {
        var removed = activeFilters.Where(f => integration.Analyzers.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase)).ToArray();
        return (activeFilters.Except(removed, StringComparer.Ordinal).ToArray(), removed);
    }
}
