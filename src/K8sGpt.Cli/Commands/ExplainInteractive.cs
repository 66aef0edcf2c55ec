using K8sGpt.Ai.Explain;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Findings;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>analyze --explain --interactive</c>: after the output, follow-up questions on stdin with the analysis as
/// context and the whole conversation remembered. <c>exit</c>, end of input and Ctrl-C end it (exit code 0).
/// Under <c>--anonymize</c> the context and the questions are masked and the answers unmasked.
/// </summary>
public sealed class ExplainInteractive(ReadyBackend backend, ConsoleIo io, Anonymizer? anonymizer)
{
    private const string Preamble =
        "You are helping someone understand and fix problems in their Kubernetes cluster. Answer their questions about the analysis below, briefly and concretely.";

    public async Task RunAsync(AnalysisReport report, CancellationToken cancellationToken)
    {
        var history = new List<ChatMessage> { new(ChatRole.System, $"{Preamble}\n---\n{Mask(PlainText(report))}---") };
        io.Error.WriteLine("Ask about these results; type exit (or press Ctrl-D) to finish.");
        while (true)
        {
            io.Error.Write("> ");
            io.Error.Flush();
            string? line;
            try
            {
                line = await io.Input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var question = line?.Trim();
            if (question is null || question.Equals("exit", StringComparison.OrdinalIgnoreCase) || question.Equals("quit", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            if (question.Length == 0)
            {
                continue;
            }

            history.Add(new ChatMessage(ChatRole.User, Mask(question)));
            try
            {
                var response = await backend.Client.GetResponseAsync(history, null, cancellationToken).ConfigureAwait(false);
                history.Add(new ChatMessage(ChatRole.Assistant, response.Text));
                io.Output.WriteLine(TerminalText.Lines(anonymizer?.Unmask(response.Text) ?? response.Text));
            }
            catch (AiBackendException ex)
            {
                // The question stays unanswered and out of the history; the user may retry or leave.
                history.RemoveAt(history.Count - 1);
                io.WriteError(ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private string Mask(string text) => anonymizer?.Mask(text) ?? text;

    private static string PlainText(AnalysisReport report)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 100_000;
        TextReportRenderer.Render(report, console);
        return writer.ToString();
    }
}
