using System.CommandLine;
using K8sGpt.Cli.Infrastructure;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt auth remove</c>: removes providers; removing the default leaves no default.</summary>
public sealed class AuthRemoveCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly Option<string> _backends = new("--backends", "-b") { Description = "Providers to remove, comma-separated", Required = true };

    public Command Build()
    {
        var command = new Command("remove", "Remove AI backend providers");
        command.Options.Add(_backends);
        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    private async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var names = (context.ParseResult.GetValue(_backends) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (names.Length == 0)
        {
            throw new UsageException("--backends is empty: name the providers to remove, comma-separated");
        }

        var clearedDefault = false;
        await context.ConfigStore.UpdateAsync(
            config =>
            {
                var missing = names.Where(n => config.Ai.Find(n) is null).ToArray();
                if (missing.Length > 0)
                {
                    throw new UsageException($"not configured: {string.Join(", ", missing)}; nothing was removed (see `k8sgpt auth list`)");
                }

                var providers = config.Ai.Providers.Where(p => !names.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
                clearedDefault = names.Contains(config.Ai.DefaultProvider, StringComparer.OrdinalIgnoreCase);
                var defaultProvider = clearedDefault ? "" : config.Ai.DefaultProvider;
                return config with { Ai = config.Ai with { Providers = providers, DefaultProvider = defaultProvider } };
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var name in names)
        {
            io.Out.MarkupLineInterpolated($"[green]{name} deleted from the AI backend provider list[/]");
        }

        if (clearedDefault)
        {
            io.WriteWarning("the default provider was removed; no default is set now (choose one with `k8sgpt auth default --provider <name>`)");
        }

        return ExitCodes.Success;
    }
}
