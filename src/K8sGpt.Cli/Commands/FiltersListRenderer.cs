using K8sGpt.Core.Analysis;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Integrations;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>filters list</c> output: <c>Active:</c> then <c>Unused:</c>, one <c>&gt; Name</c> per line in catalog order,
/// optional and integration analyzers marked. Unused integration analyzers are listed last, with the command that
/// activates their integration (they are not added with <c>filters add</c>). Names come from the configuration file
/// too, so they are printed through <see cref="TerminalText"/>.
/// </summary>
public static class FiltersListRenderer
{
    public static void Render(AnalyzerCatalog catalog, IReadOnlyList<string> active, IAnsiConsole console)
    {
        console.MarkupLine("Active:");
        foreach (var name in active)
        {
            var tier = catalog.Get(name)?.Tier;
            console.MarkupLineInterpolated($"> [{(tier == AnalyzerTier.Integration ? "blue" : "green")}]{TerminalText.Field(name + Suffix(tier, name))}[/]");
        }

        var unused = catalog.Analyzers
            .Where(a => a.Tier != AnalyzerTier.Integration && !active.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        console.MarkupLine("Unused:");
        if (unused.Length == 0 && catalog.Analyzers.All(a => a.Tier != AnalyzerTier.Integration || active.Contains(a.Name, StringComparer.OrdinalIgnoreCase)))
        {
            console.MarkupLine("(none)");
        }

        foreach (var analyzer in unused)
        {
            console.MarkupLineInterpolated($"> [red]{TerminalText.Field(analyzer.Name + Suffix(analyzer.Tier, analyzer.Name))}[/]");
        }

        var inactive = catalog.Analyzers
            .Where(a => a.Tier == AnalyzerTier.Integration && !active.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        foreach (var analyzer in inactive)
        {
            var integration = IntegrationCatalog.OwnerOf(analyzer.Name);
            var how = integration is null ? ""
                : integration.Informational.Contains(analyzer.Name) ? $" {integration.Name}, informational: run it with --filter {analyzer.Name}"
                : $": k8sgpt integration activate {integration.Name}";
            console.MarkupLineInterpolated($"> [blue]{TerminalText.Field($"{analyzer.Name} (integration{how})")}[/]");
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
