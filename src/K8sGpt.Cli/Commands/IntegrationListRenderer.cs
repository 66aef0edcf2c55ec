using K8sGpt.Core.Integrations;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Snapshot;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>integration list</c> output: <c>Active:</c> then <c>Unused:</c>, one line per integration with its analyzers and
/// whether the custom resources it needs are installed.
/// </summary>
public static class IntegrationListRenderer
{
    public static void Render(IReadOnlyList<Integration> integrations, IReadOnlyList<string> activeFilters, IReadOnlyDictionary<ResourceType, bool> served, IAnsiConsole console)
    {
        foreach (var (heading, active) in new[] { ("Active:", true), ("Unused:", false) })
        {
            console.MarkupLine(heading);
            var group = integrations.Where(i => i.IsActive(activeFilters) == active).ToArray();
            if (group.Length == 0)
            {
                console.MarkupLine("(none)");
            }

            foreach (var integration in group)
            {
                var analyzers = string.Join(", ", integration.Analyzers.Select(a => integration.Informational.Contains(a) ? $"{a} (informational, --filter only)" : a));
                console.MarkupLineInterpolated($"> [{(active ? "green" : "grey")}]{TerminalText.Field(integration.Name)}[/]: {TerminalText.Field(analyzers + Resources(integration, served))}");
            }
        }
    }

    private static string Resources(Integration integration, IReadOnlyDictionary<ResourceType, bool> served)
    {
        if (integration.Resources.Count == 0)
        {
            return "";
        }

        var states = integration.Resources.Select(r => $"{r.Plural}.{r.Group} {(served.TryGetValue(r, out var s) ? (s ? "installed" : "missing") : "not checked")}");
        return $" (custom resources: {string.Join(", ", states)})";
    }
}
