using K8sGpt.Core.Findings;
using Spectre.Console;

namespace K8sGpt.Cli.Rendering;

/// <summary>The reference tool's text layout, coloured only when the console supports it.</summary>
public static class TextReportRenderer
{
    public static void Render(AnalysisReport report, IAnsiConsole console)
    {
        if (report.Provider.Length > 0)
        {
            console.MarkupLineInterpolated($"AI Provider: [yellow]{report.Provider}[/]");
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
                console.MarkupLineInterpolated($"[yellow]- {error}[/]");
            }
        }

        if (report.Notes.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[blue]Notes : [/]");
            foreach (var note in report.Notes)
            {
                console.MarkupLineInterpolated($"[blue]- {note}[/]");
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
            var parent = result.ParentObject.Length > 0 ? $"({result.ParentObject})" : "()";
            console.MarkupLineInterpolated($"[cyan]{i}[/]: [bold yellow]{result.Kind}[/] [yellow]{result.Name}[/][cyan]{parent}[/]");
            foreach (var failure in result.Failures)
            {
                if (result.Informational)
                {
                    console.MarkupLineInterpolated($"[blue]- Info: {failure.Text}[/]");
                }
                else
                {
                    console.MarkupLineInterpolated($"[red]- Error: {failure.Text}[/]");
                }
                if (failure.KubernetesDoc.Length > 0)
                {
                    console.MarkupLineInterpolated($"[red]  Kubernetes Doc: {failure.KubernetesDoc}[/]");
                }
            }

            console.MarkupLineInterpolated($"[green]{result.Details}[/]");
        }
    }
}
