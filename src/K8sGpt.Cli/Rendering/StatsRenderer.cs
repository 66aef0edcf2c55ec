using K8sGpt.Core.Findings;
using Spectre.Console;

namespace K8sGpt.Cli.Rendering;

/// <summary><c>--with-stat</c>: per-analyzer timings, and for live runs per-list timings and the API request count.</summary>
public static class StatsRenderer
{
    public static void Render(AnalysisReport report, IAnsiConsole console)
    {
        console.MarkupLine("[yellow]The stats mode shows how long each analyzer took.[/]");
        foreach (var stat in report.Stats)
        {
            console.WriteLine($"- Analyzer {TerminalText.Field(stat.Analyzer)} took {stat.Duration.TotalMilliseconds:0.###}ms");
        }

        var facts = report.Snapshot;
        foreach (var list in facts.ListTimings.OrderBy(static l => l.Resource, StringComparer.Ordinal))
        {
            console.WriteLine($"- List {TerminalText.Field(list.Resource)} took {list.Duration.TotalMilliseconds:0.###}ms ({list.Pages} page(s), {list.Objects} object(s))");
        }

        if (facts.ApiRequests > 0)
        {
            console.WriteLine($"- API requests: {facts.ApiRequests}");
        }

        console.WriteLine();
    }
}
