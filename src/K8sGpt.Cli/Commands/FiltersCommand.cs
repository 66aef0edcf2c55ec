using System.CommandLine;
using System.CommandLine.Help;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Core.Analysis;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt filters</c> (alias <c>filter</c>): list, add and remove the analyzers kept in <c>active_filters</c>.</summary>
public sealed class FiltersCommand(ConsoleIo io, GlobalOptions globals, AnalyzerCatalog? catalog = null)
{
    private readonly AnalyzerCatalog _catalog = catalog ?? AnalyzerCatalog.Default;

    public Command Build()
    {
        var command = new Command("filters", "Manage the analyzers (filters) that run by default");
        command.Aliases.Add("filter");
        command.Subcommands.Add(BuildList());
        command.Subcommands.Add(BuildEdit("add", "Add analyzers to active_filters, e.g. k8sgpt filters add Service,Ingress", AddAsync));
        command.Subcommands.Add(BuildEdit("remove", "Remove analyzers from active_filters, e.g. k8sgpt filters remove Service", RemoveAsync));

        // Bare `filters` prints its help and succeeds, as the reference does.
        command.SetAction(static parse => new HelpAction().Invoke(parse));
        return command;
    }

    private Command BuildList()
    {
        var command = new Command("list", "Show the active and unused analyzers");
        command.SetAction(CliApp.Guarded(io, globals, (context, _) =>
        {
            var config = context.ConfigStore.Load();
            FiltersListRenderer.Render(_catalog, new FiltersSet(_catalog).Active(config.ActiveFilters), io.Out);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private Command BuildEdit(string name, string description, Func<CommandContext, string[], CancellationToken, Task<int>> body)
    {
        var names = new Argument<string[]>("names")
        {
            Description = "Analyzer names, comma-separated",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(name, description) { names };
        command.SetAction(CliApp.Guarded(io, globals, (context, ct) => body(context, context.ParseResult.GetValue(names) ?? [], ct)));
        return command;
    }

    private async Task<int> AddAsync(CommandContext context, string[] input, CancellationToken cancellationToken)
    {
        var set = new FiltersSet(_catalog);
        string[] added = [];
        await context.ConfigStore.UpdateAsync(
            c =>
            {
                var next = set.Add(c.ActiveFilters, input);
                added = next.Except(set.Active(c.ActiveFilters), StringComparer.OrdinalIgnoreCase).ToArray();
                return c with { ActiveFilters = next };
            },
            cancellationToken).ConfigureAwait(false);

        if (added.Contains("Log", StringComparer.Ordinal))
        {
            io.WriteWarning("the Log analyzer reads container logs, which may carry sensitive data; with --explain they are sent to the AI backend");
        }

        io.Out.MarkupLineInterpolated($"[green]Filter(s) {string.Join(", ", added)} added[/]");
        return ExitCodes.Success;
    }

    private async Task<int> RemoveAsync(CommandContext context, string[] input, CancellationToken cancellationToken)
    {
        var set = new FiltersSet(_catalog);
        string[] removed = [];
        await context.ConfigStore.UpdateAsync(
            c =>
            {
                var next = set.Remove(c.ActiveFilters, input);
                removed = set.Active(c.ActiveFilters).Except(next, StringComparer.OrdinalIgnoreCase).ToArray();
                return c with { ActiveFilters = next };
            },
            cancellationToken).ConfigureAwait(false);

        io.Out.MarkupLineInterpolated($"[green]Filter(s) {string.Join(", ", removed)} removed[/]");
        return ExitCodes.Success;
    }
}
