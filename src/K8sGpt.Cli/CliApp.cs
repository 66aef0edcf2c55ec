using System.CommandLine;
using K8sGpt.Cli.Commands;
using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli;

/// <summary>Builds the command tree and runs it.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, ConsoleIo io, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(io);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = io.Output,
            Error = io.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15), // serve drains in-flight calls for up to 10 s before it exits 0
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    public static RootCommand BuildRoot(ConsoleIo io)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("k8sgpt: finds what is broken in a Kubernetes cluster and explains it in plain words");
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        // Bare `k8sgpt` prints help and succeeds, as the reference tool does.
        root.SetAction(static parse => new System.CommandLine.Help.HelpAction().Invoke(parse));
        root.Subcommands.Add(new AnalyzeCommand(io, globals).Build());
        root.Subcommands.Add(new VersionCommand(io).Build());
        root.Subcommands.Add(new FiltersCommand(io, globals).Build());
        root.Subcommands.Add(new DumpCommand(io, globals).Build());
        root.Subcommands.Add(new AuthCommand(io, globals).Build());
        root.Subcommands.Add(new CacheCommand(io, globals).Build());
        root.Subcommands.Add(new ServeCommand(io, globals).Build());
        root.Subcommands.Add(new IntegrationCommand(io, globals).Build());
        return root;
    }

    /// <summary>Wraps a command body so every error ends as a message on stderr and a documented exit code.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Guarded(
        ConsoleIo io,
        GlobalOptions globals,
        Func<CommandContext, CancellationToken, Task<int>> body) =>
        async (parseResult, cancellationToken) =>
        {
            try
            {
                return await body(new CommandContext(io, globals, parseResult), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                io.WriteError("cancelled");
                return 130;
            }
            catch (Exception ex)
            {
                return CliErrors.Handle(ex, io);
            }
        };
}
