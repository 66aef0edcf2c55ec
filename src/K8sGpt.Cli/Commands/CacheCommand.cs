using System.CommandLine;
using K8sGpt.Ai.Cache;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Config;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt cache list|get|purge|remove</c>: the cache of AI explanations.</summary>
public sealed class CacheCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly Option<bool> _all = new("--all") { Description = "Delete every cached explanation" };
    private readonly Argument<string?> _key = new("key") { Description = "Key of the cached explanation to delete", Arity = ArgumentArity.ZeroOrOne };

    public Command Build()
    {
        var command = new Command("cache", "Manage the cache of AI explanations");

        var list = new Command("list", "List cached explanations");
        list.SetAction(CliApp.Guarded(io, globals, ListAsync));
        command.Subcommands.Add(list);

        var get = new Command("get", "Show which cache is in use");
        get.SetAction(CliApp.Guarded(io, globals, GetAsync));
        command.Subcommands.Add(get);

        var purge = new Command("purge", "Delete one cached explanation by key, or all with --all");
        purge.Options.Add(_all);
        purge.Arguments.Add(_key);
        purge.SetAction(CliApp.Guarded(io, globals, PurgeAsync));
        command.Subcommands.Add(purge);

        var remove = new Command("remove", "Stop using a remote cache and go back to the local file cache (remote data is kept)");
        remove.SetAction(CliApp.Guarded(io, globals, RemoveAsync));
        command.Subcommands.Add(remove);
        return command;
    }

    private FileResponseCache FileCache() => new(ConfigPaths.DefaultCacheDirectory(io.Environment));

    private Task<int> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        WarnIfRemote(context);
        var entries = FileCache().List();
        var table = new Table().AddColumn("Name").AddColumn("UpdatedAt");
        foreach (var entry in entries)
        {
            table.AddRow(Markup.Escape(TerminalText.Field(entry.Name)), entry.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        io.Out.Write(table);
        return Task.FromResult(ExitCodes.Success);
    }

    private Task<int> GetAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var type = context.ConfigStore.Load().Cache.CurrentCacheType;
        io.Output.WriteLine($"Current remote cache is: {(type.Length > 0 ? type : "file")}");
        return Task.FromResult(ExitCodes.Success);
    }

    private Task<int> PurgeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        WarnIfRemote(context);
        var cache = FileCache();
        var key = context.ParseResult.GetValue(_key);
        if (context.ParseResult.GetValue(_all))
        {
            var entries = cache.List();
            foreach (var entry in entries)
            {
                cache.Remove(entry.Name);
            }

            io.Out.MarkupLineInterpolated($"[green]{(entries.Count == 0 ? "The cache is already empty" : $"Deleted {entries.Count} cached explanation(s)")}[/]");
            return Task.FromResult(ExitCodes.Success);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException("give the key to delete (see `k8sgpt cache list`) or --all");
        }

        if (!CacheKey.IsKey(key))
        {
            throw new UsageException($"'{key}' is not a cache key: keys are 64 lower-case hex characters (see `k8sgpt cache list`)");
        }

        if (!cache.Remove(key))
        {
            throw new UsageException($"no cached explanation has the key {key}");
        }

        io.Out.MarkupLineInterpolated($"[green]Deleted {key}[/]");
        return Task.FromResult(ExitCodes.Success);
    }

    private async Task<int> RemoveAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await context.ConfigStore.UpdateAsync(static config => config with { Cache = new CacheConfig() }, cancellationToken).ConfigureAwait(false);
        io.Out.MarkupLine("[green]Remote cache removed; the local file cache is used[/]");
        return ExitCodes.Success;
    }

    private void WarnIfRemote(CommandContext context)
    {
        var type = context.ConfigStore.Load().Cache.CurrentCacheType;
        if (type.Length > 0)
        {
            io.WriteWarning($"the '{type}' remote cache is not supported yet; showing the local file cache");
        }
    }
}
