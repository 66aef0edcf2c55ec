using K8sGpt.Core.Analysis;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>filters list</c> output: <c>Active:</c> then <c>Unused:</c>, one <c>&gt; Name</c> per line in catalog order,
/// optional and integration analyzers marked. Unused integration analyzers are not listed: they become available
/// when their integration is activated.
/// </summary>
public static class FiltersListRenderer
{
    public static void Render(AnalyzerCatalog catalog, IReadOnlyList<string> active, IAnsiConsole console)
    {
        console.MarkupLine("Active:");
        foreach (var name in active)
        {
            var tier = catalog.Get(name)?.Tier;
            console.MarkupLineInterpolated($"> [{(tier == AnalyzerTier.Integration ? "blue" : "green")}]{name}{Suffix(tier, name)}[/]");
        }

        var unused = catalog.Analyzers
            .Where(a => a.Tier != AnalyzerTier.Integration && !active.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        console.MarkupLine("Unused:");
        if (unused.Length == 0)
        {
            console.MarkupLine("(none)");
        }

        foreach (var analyzer in unused)
        {
            console.MarkupLineInterpolated($"> [red]{analyzer.Name}{Suffix(analyzer.Tier, analyzer.Name)}[/]");
        }
    }

    private static string Suffix(AnalyzerTier? tier, string name) => tier switch
    {
        AnalyzerTier.Optional => " (optional)",
        AnalyzerTier.Integration => " (integration)",
        null => " (unknown: no such analyzer, remove it with k8sgpt filters remove " + name + ")",
        _ => "",
    };
}
