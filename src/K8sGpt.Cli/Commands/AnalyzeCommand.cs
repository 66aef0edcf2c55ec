using System.CommandLine;
using K8sGpt.Ai.Explain;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Rendering;
using K8sGpt.Server.CustomAnalyzers;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt analyze</c> (alias <c>analyse</c>): find problems in the cluster or a snapshot.</summary>
public sealed class AnalyzeCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly AnalyzeOptions _options = new();

    public Command Build()
    {
        var command = new Command("analyze", "Find problems in the cluster (or a snapshot) and optionally explain them");
        command.Aliases.Add("analyse");
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    private async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var output = (parse.GetValue(_options.Output) ?? "text").Trim().ToLowerInvariant();
        if (!AnalyzeOptions.OutputFormats.Contains(output))
        {
            throw new UsageException($"unsupported output format: {output}. Available formats: {string.Join(", ", AnalyzeOptions.OutputFormats)}");
        }

        RejectUnavailable(parse);

        var request = new AnalysisRequest
        {
            Filters = AnalyzerCatalog.SplitNames(parse.GetValue(_options.Filter) ?? []),
            Namespace = parse.GetValue(_options.Namespace) ?? "",
            LabelSelector = parse.GetValue(_options.Selector) ?? "",
            MaxConcurrency = parse.GetValue(_options.MaxConcurrency),
            WithStats = parse.GetValue(_options.WithStat),
        };

        var config = context.ConfigStore.Load();
        var explain = parse.GetValue(_options.Explain)
            ? ExplainStep.Prepare(config, parse.GetValue(_options.Backend) ?? "", parse.GetValue(_options.CustomHeaders) ?? [])
            : null;
        var withDoc = parse.GetValue(_options.WithDoc) ? WithDocStep.Create(context, parse.GetValue(_options.Snapshot)) : null;
        var source = withDoc?.Source ?? ClusterSources.Create(context, parse.GetValue(_options.Snapshot));
        var report = await new AnalysisPipeline().RunAsync(request, source, config.ActiveFilters, cancellationToken).ConfigureAwait(false);
        if (parse.GetValue(_options.CustomAnalysis))
        {
            // After the pipeline: a missing --namespace has already failed the run there, before any call.
            var custom = await new CustomAnalyzerRunner().RunAsync(config.CustomAnalyzers, request.EffectiveConcurrency, cancellationToken).ConfigureAwait(false);
            report = custom.MergeInto(report);
        }

        if (withDoc is not null)
        {
            report = await withDoc.ApplyAsync(report, cancellationToken).ConfigureAwait(false);
        }

        if (explain is not null)
        {
            var explainOptions = new ExplainOptions
            {
                Language = parse.GetValue(_options.Language) is { Length: > 0 } language ? language : "english",
                Anonymize = parse.GetValue(_options.Anonymize),
            };
            report = await explain.RunAsync(report, explainOptions, parse.GetValue(_options.NoCache), io, config, cancellationToken).ConfigureAwait(false);
        }

        Render(report, output, request.WithStats);
        if (explain is not null && parse.GetValue(_options.Interactive))
        {
            await explain.Interactive(io, report, parse.GetValue(_options.Anonymize)).RunAsync(report, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        return parse.GetValue(_options.FailOnProblems) && report.Problems > 0 ? ExitCodes.ProblemsFound : ExitCodes.Success;
    }

    private void Render(AnalysisReport report, string output, bool withStats)
    {
        if (output == "json")
        {
            if (withStats)
            {
                StatsRenderer.Render(report, io.Err);
            }

            io.Output.Write(JsonReportWriter.Write(report));
            io.Output.WriteLine();
            return;
        }

        if (withStats)
        {
            StatsRenderer.Render(report, io.Out);
        }

        TextReportRenderer.Render(report, io.Out);
    }

    private void RejectUnavailable(ParseResult parse)
    {
        if (parse.GetValue(_options.Interactive) && !parse.GetValue(_options.Explain))
        {
            throw new UsageException("--interactive needs --explain: the questions are answered by the AI backend");
        }
    }
}
