using System.CommandLine;
using K8sGpt.Cli.Infrastructure;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt auth default</c>: shows or sets the default provider.</summary>
public sealed class AuthDefaultCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly Option<string> _provider = new("--provider", "-p") { Description = "The configured provider to use by default" };

    public Command Build()
    {
        var command = new Command("default", "Show or set the default AI backend provider");
        command.Options.Add(_provider);
        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    private async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = (context.ParseResult.GetValue(_provider) ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0)
        {
            var current = context.ConfigStore.Load().Ai.DefaultProvider;
            io.Out.MarkupLineInterpolated($"[yellow]{(current.Length > 0 ? $"The default provider is {current}" : "No default provider is set")}[/]");
            return ExitCodes.Success;
        }

        await context.ConfigStore.UpdateAsync(
            config =>
            {
                var provider = config.Ai.Find(name) ?? throw new UsageException($"provider '{name}' is not configured; add it first with `k8sgpt auth add --backend {name}`");
                return config with { Ai = config.Ai with { DefaultProvider = provider.Name } };
            },
            cancellationToken).ConfigureAwait(false);

        io.Out.MarkupLineInterpolated($"[green]Default provider set to {name}[/]");
        return ExitCodes.Success;
    }
}
