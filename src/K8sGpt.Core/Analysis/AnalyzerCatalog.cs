using K8sGpt.Core.Analyzers;

namespace K8sGpt.Core.Analysis;

/// <summary>
/// Every analyzer the product knows, and the rule that picks which ones run:
/// explicit filters, else <c>active_filters</c> from config, else the core analyzers.
/// </summary>
public sealed class AnalyzerCatalog
{
    private readonly IReadOnlyList<IAnalyzer> _analyzers;
    private readonly Dictionary<string, IAnalyzer> _byName;

    public AnalyzerCatalog(IEnumerable<IAnalyzer> analyzers)
    {
        _analyzers = analyzers.OrderBy(static a => a.Tier).ThenBy(static a => a.Name, StringComparer.Ordinal).ToArray();
        _byName = _analyzers.ToDictionary(static a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog with every built-in analyzer.</summary>
    public static AnalyzerCatalog Default { get; } = new(BuiltInAnalyzers.Create());

    public IReadOnlyList<IAnalyzer> Analyzers => _analyzers;

    public IReadOnlyList<string> Names => _analyzers.Select(static a => a.Name).ToArray();

    public IReadOnlyList<string> CoreNames => _analyzers.Where(static a => a.Tier == AnalyzerTier.Core).Select(static a => a.Name).ToArray();

    /// <summary>Canonical spelling of a filter name, or null when there is no such analyzer.</summary>
    public string? Canonical(string name) => _byName.TryGetValue(name.Trim(), out var a) ? a.Name : null;

    public IAnalyzer? Get(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>
    /// Picks the analyzers for a run. Explicit filters are case-insensitive and de-duplicated; an unknown
    /// explicit name becomes a warning listing the valid names. Unknown names in <c>active_filters</c> are warned
    /// about too rather than silently dropped.
    /// </summary>
    public AnalyzerSelection Select(IReadOnlyList<string> filters, IReadOnlyList<string> activeFilters)
    {
        var warnings = new List<string>();
        var requested = SplitNames(filters);
        var source = requested.Count > 0 ? requested : SplitNames(activeFilters);
        if (source.Count == 0)
        {
            return new(_analyzers.Where(static a => a.Tier == AnalyzerTier.Core).ToArray(), warnings);
        }

        var chosen = new List<IAnalyzer>();
        foreach (var name in source)
        {
            if (_byName.TryGetValue(name, out var analyzer))
            {
                if (!chosen.Contains(analyzer))
                {
                    chosen.Add(analyzer);
                }
            }
            else
            {
                var where = requested.Count > 0 ? "filter" : "filter in active_filters";
                warnings.Add($"\"{name}\" {where} does not exist. Please run k8sgpt filters list. Valid filters: {string.Join(", ", Names)}");
            }
        }

        return new(chosen, warnings);
    }

    /// <summary>Splits comma-separated and repeated names, trimming blanks.</summary>
    public static IReadOnlyList<string> SplitNames(IEnumerable<string> values) =>
        values.SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
