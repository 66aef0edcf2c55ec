using K8sGpt.Core.Analysis;
using K8sGpt.Core.Integrations;
using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// The rules of <c>filters add/remove</c>: parsing names, checking them against the catalog and the active set, and
/// keeping the stored list in a stable order (core in catalog order, then optional, then integration).
/// </summary>
public sealed class FiltersSet(AnalyzerCatalog catalog)
{
    /// <summary>The active set: <c>active_filters</c>, or the core analyzers when it is empty.</summary>
    public IReadOnlyList<string> Active(IReadOnlyList<string> activeFilters) => IntegrationFilters.Active(catalog, activeFilters);

    /// <summary>Names that <c>add</c> accepts: core and optional analyzers (integration ones come with their integration).</summary>
    public IReadOnlyList<string> Addable =>
        catalog.Analyzers.Where(static a => a.Tier != AnalyzerTier.Integration).Select(static a => a.Name).ToArray();

    /// <summary>The set after adding <paramref name="input"/>; every error is a <see cref="UsageException"/>.</summary>
    public IReadOnlyList<string> Add(IReadOnlyList<string> activeFilters, IEnumerable<string> input)
    {
        var names = Parse(input);
        var unknown = names.Where(n => catalog.Get(n) is null).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException($"unknown filter(s): {string.Join(", ", unknown)}. Valid filters: {string.Join(", ", Addable)}");
        }

        // Integration analyzers already in the active set fall through to the "already active" answer below.
        var current = Active(activeFilters);
        var integration = names.Where(n => catalog.Get(n) is { Tier: AnalyzerTier.Integration })
            .Select(n => catalog.Canonical(n)!)
            .Where(n => !current.Contains(n, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        if (integration.Length > 0)
        {
            var owners = integration.Select(n => IntegrationCatalog.OwnerOf(n)?.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            throw new UsageException($"filter(s) {string.Join(", ", integration)} belong to the {string.Join(" and ", owners)} integration{(owners.Length > 1 ? "s" : "")}: activate {(owners.Length > 1 ? "them" : "it")} with {string.Join(" and ", owners.Select(static o => $"k8sgpt integration activate {o}"))}");
        }

        var canonical = names.Select(n => catalog.Canonical(n)!).ToArray();
        var already = canonical.Where(n => current.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (already.Length > 0)
        {
            throw new UsageException($"filter(s) already active: {string.Join(", ", already)}. Run k8sgpt filters list to see the active set");
        }

        return Ordered([.. current, .. canonical]);
    }

    /// <summary>The set after removing <paramref name="input"/>; every error is a <see cref="UsageException"/>.</summary>
    public IReadOnlyList<string> Remove(IReadOnlyList<string> activeFilters, IEnumerable<string> input)
    {
        var names = Parse(input);
        var current = Active(activeFilters);
        var missing = names.Where(n => !current.Contains(n.Trim(), StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"filter(s) not active: {string.Join(", ", missing)}. Active filters: {string.Join(", ", current)}");
        }

        var remaining = current.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
        return remaining.Length > 0
            ? remaining
            : throw new UsageException("cannot remove every active filter: an empty active_filters means the core analyzers run. Keep at least one");
    }

    /// <summary>Catalog order first (tier, then name); names the catalog does not know keep their place at the end.</summary>
    public IReadOnlyList<string> Ordered(IEnumerable<string> names) => IntegrationFilters.Ordered(catalog, names);

    /// <summary>Splits comma-separated arguments; an empty element or a name given twice is an error.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string> input)
    {
        var names = input.SelectMany(static v => v.Split(',')).Select(static n => n.Trim()).ToArray();
        if (names.Length == 0 || names.Any(static n => n.Length == 0))
        {
            throw new UsageException("filter names must not be empty: pass names separated by commas, e.g. Pod,Service");
        }

        var duplicates = names.GroupBy(static n => n, StringComparer.OrdinalIgnoreCase).Where(static g => g.Count() > 1).Select(static g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            throw new UsageException($"filter(s) given more than once: {string.Join(", ", duplicates)}");
        }

        return names;
    }
}
