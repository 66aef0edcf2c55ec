using System.CommandLine;
using K8sGpt.Cli.Commands;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sGpt.Server.Tests.Support;

/// <summary>Runs <c>k8sgpt serve</c> in-process through the real command (flags, start-up, exit code, stderr).</summary>
internal sealed class CliRun
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly TaskCompletionSource<RunningServer> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CliRun(IReadOnlyDictionary<string, string> environment)
    {
        Io = new ConsoleIo(_out, _err, TextReader.Null, name => environment.GetValueOrDefault(name), false, false);
        var globals = new GlobalOptions();
        Root = new RootCommand("k8sgpt");
        foreach (var option in globals.All)
        {
            Root.Options.Add(option);
        }

        var serve = new ServeCommand(Io, globals, TestBackendRegistry.Create, configureLogging: b => b.AddProvider(Logs));
        serve.Started += running => _started.TrySetResult(running);
        Root.Subcommands.Add(serve.Build());
    }

    public ConsoleIo Io { get; }

    public RootCommand Root { get; }

    public LogCapture Logs { get; } = new();

    public string Stderr => _err.ToString();

    /// <summary>Completes when the server listens; faults if the command ended first.</summary>
    public Task<RunningServer> Started => _started.Task;

    public Task<int> InvokeAsync(CancellationToken cancellationToken, params string[] args)
    {
        var configuration = new InvocationConfiguration { Output = _out, Error = _err, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return Run();

        async Task<int> Run()
        {
            try
            {
                return await Root.Parse(args).InvokeAsync(configuration, cancellationToken);
            }
            finally
            {
                _started.TrySetException(new InvalidOperationException("serve ended before it started: " + Stderr));
            }
        }
    }
}
