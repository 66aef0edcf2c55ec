using System.CommandLine;
using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Cli.Rendering;
using Spectre.Console;
using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt auth list</c>: the default, the configured and the unused backends. Never prints a key.</summary>
public sealed class AuthListCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly Option<bool> _details = new("--details", "-d") { Description = "Show model, engine and base URL of each configured provider" };

    public Command Build()
    {
        var command = new Command("list", "List configured AI backend providers");
        command.Options.Add(_details);
        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    private Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var ai = context.ConfigStore.Load().Ai;
        var details = context.ParseResult.GetValue(_details);
        var console = io.Out;

        console.MarkupLine("[bold]Default:[/]");
        console.MarkupLineInterpolated($"> {(ai.DefaultProvider.Length > 0 ? TerminalText.Field(ai.DefaultProvider) : "(none)")}");

        console.MarkupLine("[bold]Active:[/]");
        var configured = ai.Providers
            .OrderBy(static p => Order(p.Name))
            .ThenBy(static p => p.Name, StringComparer.Ordinal)
            .ToArray();
        foreach (var provider in configured)
        {
            var status = BackendRegistry.Validate(provider);
            var key = provider.Password.Length > 0 ? "key set" : "no key";
            var state = status.State switch
            {
                BackendState.Ready => "ready",
                BackendState.Unsupported => "not supported yet",
                _ => "invalid: " + string.Join("; ", status.Problems.Select(static p => p.Message)),
            };
            console.MarkupLineInterpolated($"> [yellow]{TerminalText.Field(provider.Name)}[/] ({key}; {TerminalText.Field(state)})");
            if (details)
            {
                Detail(console, "Model", provider.Model);
                Detail(console, "Engine", provider.Engine);
                Detail(console, "BaseURL", provider.BaseUrl);
            }
        }

        console.MarkupLine("[bold]Unused:[/]");
        foreach (var name in BackendNames.All.Where(n => ai.Find(n) is null))
        {
            console.MarkupLineInterpolated($"> {name}");
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static void Detail(IAnsiConsole console, string label, string value)
    {
        if (value.Length > 0)
        {
            console.MarkupLineInterpolated($"   - {label}: {TerminalText.Field(value)}");
        }
    }

    private static int Order(string name)
    {
        var index = BackendNames.All.ToList().IndexOf(name.ToLowerInvariant());
        return index < 0 ? int.MaxValue : index;
    }
}
