using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Commands;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Server.Explain;
using K8sGpt.Server.Hosting;
using K8sGpt.Server.Schema.V1;
using Microsoft.Extensions.Logging;

namespace K8sGpt.Server.Tests.Support;

/// <summary>A serve host started in-process on free loopback ports, with a snapshot, a config file and the test registry.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private ServerHarness(TempFolder folder, RunningServer running, ServeSettings settings, LogCapture logs)
    {
        _folder = folder;
        Running = running;
        Settings = settings;
        Logs = logs;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{running.GrpcPort}");
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{running.MetricsPort}/") };
    }

    public RunningServer Running { get; }

    public ServeSettings Settings { get; }

    public LogCapture Logs { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Client of the metrics port (<c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>).</summary>
    public HttpClient Http { get; }

    public string ConfigPath => Settings.ConfigPath;

    public ServerQueryService.ServerQueryServiceClient Query => new(Channel);

    public ServerAnalyzerService.ServerAnalyzerServiceClient Analyzer => new(Channel);

    public ServerConfigService.ServerConfigServiceClient Config => new(Channel);

    public static async Task<ServerHarness> StartAsync(
        string configYaml,
        IReadOnlyDictionary<string, string>? environment = null,
        Func<ServeSettings, ServeSettings>? customize = null,
        Func<IClusterSource>? clusterSource = null)
    {
        var folder = new TempFolder();
        var logs = new LogCapture();
        try
        {
            var configPath = folder.Write("k8sgpt.yaml", configYaml);
            var snapshot = folder.Write("snapshot.yaml", TestSnapshots.PendingPod);
            var settings = new ServeSettings
            {
                ConfigPath = configPath,
                RegistryFactory = TestBackendRegistry.Create,
                ClusterSource = clusterSource ?? (() => new SnapshotFileSource(snapshot)),
                ClusterDescription = $"snapshot {snapshot}",
                Port = 0,
                MetricsPort = 0,
                HttpPort = 0,
                ListenAddress = IPAddress.Loopback,
                // Longer than the registry's attempt timeout, so a hanging backend ends in the AI layer's own timeout.
                AiCallTimeout = TimeSpan.FromSeconds(60),
                Environment = name => environment?.GetValueOrDefault(name),
                ConfigureLogging = b => b.AddProvider(logs),
            };
            settings = customize?.Invoke(settings) ?? settings;
            settings = WithProductionExplainer(settings, Path.Combine(folder.Path, "cache"));
            var running = await K8sGptServer.StartAsync(settings, CancellationToken.None);
            return new ServerHarness(folder, running, settings, logs);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>The config with one azureopenai provider pointing at <paramref name="endpoint"/>.</summary>
    public static string AzureConfig(Uri endpoint, string defaultProvider = "azureopenai") => $"""
        ai:
          defaultprovider: {defaultProvider}
          providers:
            - name: azureopenai
              model: gpt-4o
              password: azure-secret-key
              baseurl: {endpoint}
              engine: k8sgpt-deploy
              azureapiversion: "2024-10-21"
        """;

    /// <summary>
    /// The explainer serve ships (the AI layer's, over the registry the server builds), caching under the test's
    /// folder, unless the test chose an explainer of its own.
    /// </summary>
    private static ServeSettings WithProductionExplainer(ServeSettings settings, string cacheHome)
    {
        if (settings.Explainer is not UnavailableExplainer)
        {
            return settings;
        }

        IBackendRegistry? built = null;
        var factory = settings.RegistryFactory;
        return settings with
        {
            RegistryFactory = config => built = factory(config),
            Explainer = new LazyExplainer(() => ServeBackends.CreateExplainer(
                built ?? throw new InvalidOperationException("the registry is built before any call"),
                name => name == "XDG_CACHE_HOME" ? cacheHome : null)),
        };
    }

    public static CallOptions Deadline(int seconds = 30) => new(deadline: DateTime.UtcNow.AddSeconds(seconds));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await Running.DisposeAsync();
        _folder.Dispose();
    }
}
