using System.CommandLine;
using System.Reflection;
using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt version</c>: version, commit and build date.</summary>
public sealed class VersionCommand(ConsoleIo io)
{
    public Command Build()
    {
        var command = new Command("version", "Print the version, commit and build date");
        command.SetAction(_ =>
        {
            io.Output.WriteLine($"k8sgpt: {BuildInfo.Version} ({BuildInfo.Commit}), built at: {BuildInfo.Date}");
            return ExitCodes.Success;
        });
        return command;
    }
}
