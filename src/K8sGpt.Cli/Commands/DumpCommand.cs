using System.CommandLine;
using System.Globalization;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Dump;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>k8sgpt dump</c>: saves what every analyzer would read from the live cluster as one JSON file that
/// <c>k8sgpt analyze --snapshot</c> analyses exactly as the live run, and prints diagnostic facts to stderr.
/// </summary>
public sealed class DumpCommand(ConsoleIo io, GlobalOptions globals, TimeProvider clock)
{
    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "File to write (default: k8sgpt-snapshot-<yyyyMMddHHmmss>.json in the current folder; - for stdout)",
    };

    private readonly Option<string> _namespace = new("--namespace", "-n")
    {
        Description = "Only read this namespace (default: all namespaces)",
        DefaultValueFactory = _ => "",
    };

    public DumpCommand(ConsoleIo io, GlobalOptions globals)
        : this(io, globals, TimeProvider.System)
    {
    }

    public Command Build()
    {
        var command = new Command("dump", "Save a snapshot of the cluster (what the analyzers read) to a JSON file for offline analysis");
        command.Options.Add(_output);
        command.Options.Add(_namespace);
        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    public static string DefaultFileName(DateTimeOffset now) =>
        $"k8sgpt-snapshot-{now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}.json";

    private async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var config = context.ConfigStore.Load();
        DumpDiagnostics.WriteConfigFacts(io, config);

        var now = clock.GetUtcNow();
        var scope = new ScanScope((context.ParseResult.GetValue(_namespace) ?? "").Trim(), LabelSelector.Everything);
        // Field docs of the kinds read ride in the header, for analyze --snapshot --with-doc.
        var source = WithDocStep.LiveSource(context);
        var snapshot = await source.LoadAsync(DumpReads.For(AnalyzerCatalog.Default), scope, cancellationToken).ConfigureAwait(false);
        DumpDiagnostics.WriteClusterFacts(io, snapshot);
        if (source.FieldDocs is null)
        {
            io.Error.WriteLine($"field documentation not saved: {TerminalText.Field(source.FieldDocsError)}");
        }

        var output = context.ParseResult.GetValue(_output) is { Length: > 0 } path ? path : DefaultFileName(now);
        if (output == "-")
        {
            io.Output.Write(SnapshotWriter.Write(snapshot, now, source.FieldDocs));
            io.Output.WriteLine();
            return ExitCodes.Success;
        }

        try
        {
            await SnapshotWriter.WriteFileAsync(snapshot, now, source.FieldDocs, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write snapshot {output}: {ex.Message}");
        }

        var objects = snapshot.Statuses.Keys.Sum(t => snapshot.Objects(t).Count);
        io.Error.WriteLine($"wrote {objects} objects to {output}");
        return ExitCodes.Success;
    }
}
