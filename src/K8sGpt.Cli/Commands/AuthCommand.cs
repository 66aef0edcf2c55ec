using System.CommandLine;
using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt auth</c>: add, list, remove, choose and update AI backend providers.</summary>
public sealed class AuthCommand(ConsoleIo io, GlobalOptions globals)
{
    public Command Build()
    {
        var command = new Command("auth", "Configure AI backend providers");
        command.Subcommands.Add(new AuthAddCommand(io, globals).Build());
        command.Subcommands.Add(new AuthListCommand(io, globals).Build());
        command.Subcommands.Add(new AuthRemoveCommand(io, globals).Build());
        command.Subcommands.Add(new AuthDefaultCommand(io, globals).Build());
        command.Subcommands.Add(new AuthUpdateCommand(io, globals).Build());
        return command;
    }
}
