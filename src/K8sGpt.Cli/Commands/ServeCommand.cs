using System.CommandLine;
using System.Globalization;
using System.Net;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;
using K8sGpt.Server.Explain;
using K8sGpt.Server.Hosting;
using K8sGpt.Server.Startup;
using Microsoft.Extensions.Logging;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>k8sgpt serve</c>: the <c>schema.v1</c> gRPC server. Starts only in a state it can serve; SIGTERM/SIGINT and
/// the Shutdown RPC drain in-flight calls and exit 0.
/// </summary>
public sealed class ServeCommand(
    ConsoleIo io,
    GlobalOptions globals,
    Func<K8sGptConfig, IBackendRegistry>? registryFactory = null,
    Func<IBackendRegistry, IReportExplainer>? explainerFactory = null,
    Action<ILoggingBuilder>? configureLogging = null)
{
    private readonly ServeOptions _options = new();

    /// <summary>Raised once the server listens (tests use it to find the ports).</summary>
    public event Action<RunningServer>? Started;

    public Command Build()
    {
        var command = new Command("serve", "Serve the k8sgpt gRPC API (schema.v1), health and metrics");
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    private async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var settings = Settings(context);
        RunningServer running;
        try
        {
            running = await K8sGptServer.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (ServeStartupException ex)
        {
            io.WriteError($"k8sgpt serve cannot start: {ex.Message}");
            return ExitCodes.UsageOrConfig;
        }

        await using (running.ConfigureAwait(false))
        {
            Started?.Invoke(running);

            // A signal cancels the token; the Shutdown RPC stops the host. Either way: drain, then exit 0.
            await running.WaitForStopRequestAsync(cancellationToken).ConfigureAwait(false);
            await running.StopAsync().ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private ServeSettings Settings(CommandContext context)
    {
        var parse = context.ParseResult;
        if (parse.GetValue(_options.Mcp) || parse.GetValue(_options.McpHttp))
        {
            throw new UsageException("MCP is not available in this build yet: start serve without --mcp/--mcp-http (gRPC and --http are available)");
        }

        var snapshot = parse.GetValue(_options.Snapshot);
        var registry = registryFactory ?? ServeBackends.CreateRegistry;
        var explainer = explainerFactory ?? (r => ServeBackends.CreateExplainer(r, io.Environment));
        IBackendRegistry? built = null;
        return new ServeSettings
        {
            ConfigPath = context.ConfigPath,
            RegistryFactory = config => built = registry(config),
            Explainer = new ServeDeferredExplainer(() => explainer(built ?? throw new InvalidOperationException("the registry is built before any call"))),

            // The seam for the live cluster: the same factory analyze uses.
            ClusterSource = () => ClusterSources.Create(context, snapshot),
            ClusterDescription = string.IsNullOrWhiteSpace(snapshot) ? $"live cluster (context {context.KubeContext ?? "current"})" : $"snapshot {snapshot}",
            Port = Port(parse.GetValue(_options.Port), "--port"),
            MetricsPort = MetricsPort(parse.GetValue(_options.MetricsPort)),
            Http = parse.GetValue(_options.Http),
            HttpPort = Port(parse.GetValue(_options.HttpPort), "--http-port"),
            ListenAddress = IPAddress.Any,
            Backend = parse.GetValue(_options.Backend),
            Filters = AnalyzerCatalog.SplitNames(parse.GetValue(_options.Filter) ?? []),
            TlsCertPath = parse.GetValue(_options.TlsCert),
            TlsKeyPath = parse.GetValue(_options.TlsKey),
            Token = parse.GetValue(_options.Token) is { Length: > 0 } token ? token : io.Environment("K8SGPT_SERVE_TOKEN"),
            Environment = io.Environment,
            ConfigureLogging = configureLogging,
        };
    }

    private int MetricsPort(int? flag)
    {
        if (flag is { } port)
        {
            return Port(port, "--metrics-port");
        }

        var env = io.Environment("K8SGPT_METRICS_PORT");
        if (string.IsNullOrWhiteSpace(env))
        {
            return 8081;
        }

        return int.TryParse(env.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 65535
            ? value
            : throw new UsageException($"K8SGPT_METRICS_PORT=\"{env}\" is not a port number; set it to a value between 1 and 65535");
    }

    private static int Port(int value, string flag) =>
        value is >= 0 and <= 65535 ? value : throw new UsageException($"{flag} {value} is not a port number; use a value between 1 and 65535");
}
