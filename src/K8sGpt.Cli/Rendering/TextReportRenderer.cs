using K8sGpt.Core.Findings;
using Spectre.Console;

namespace K8sGpt.Cli.Rendering;

/// <summary>
/// The reference tool's text layout, coloured only when the console supports it. Every value from the cluster,
/// snapshot, configuration or AI goes through <see cref="TerminalText"/>: one field per line, except the AI's
/// explanation, which may span lines.
/// </summary>
public static class TextReportRenderer
{
    public static void Render(AnalysisReport report, IAnsiConsole console)
    {
        if (report.Provider.Length > 0)
        {
            console.MarkupLineInterpolated($"AI Provider: [yellow]{TerminalText.Field(report.Provider)}[/]");
        }
        else
        {
            console.MarkupLine("AI Provider: [yellow]AI not used; --explain not set[/]");
        }

        if (report.Errors.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[yellow]Warnings : [/]");
            foreach (var error in report.Errors)
            {
                console.MarkupLineInterpolated($"[yellow]- {TerminalText.Field(error)}[/]");
            }
        }

        if (report.Notes.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[blue]Notes : [/]");
            foreach (var note in report.Notes)
            {
                console.MarkupLineInterpolated($"[blue]- {TerminalText.Field(note)}[/]");
            }
        }

        console.WriteLine();
        if (report.Results.Count == 0)
        {
            console.MarkupLine("[green]No problems detected[/]");
            return;
        }

        for (var i = 0; i < report.Results.Count; i++)
        {
            var result = report.Results[i];
            var parent = $"({TerminalText.Field(result.ParentObject)})";
            console.MarkupLineInterpolated($"[cyan]{i}[/]: [bold yellow]{TerminalText.Field(result.Kind)}[/] [yellow]{TerminalText.Field(result.Name)}[/][cyan]{parent}[/]");
            foreach (var failure in result.Failures)
            {
                if (result.Informational)
                {
                    // An informational report is k8sgpt's own multi-line text: keep its line breaks.
                    console.MarkupLineInterpolated($"[blue]- Info: {TerminalText.Lines(failure.Text)}[/]");
                }
                else
                {
                    console.MarkupLineInterpolated($"[red]- Error: {TerminalText.Field(failure.Text)}[/]");
                }
                if (failure.KubernetesDoc.Length > 0)
                {
                    console.MarkupLineInterpolated($"[red]  Kubernetes Doc: {TerminalText.Field(failure.KubernetesDoc)}[/]");
                }
            }

            console.MarkupLineInterpolated($"[green]{TerminalText.Lines(result.Details)}[/]");
        }
    }
}
