using K8sGpt.Core.Analysis;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live;
using K8sGpt.Testing.FakeKubernetes;

namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>A fake API server, a kubeconfig pointing at it, and a live source reading it.</summary>
public sealed class LiveCluster : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private LiveCluster(FakeKubernetesServer server)
    {
        Server = server;
        KubeConfigPath = server.WriteKubeConfig(_directory.Path);
    }

    public FakeKubernetesServer Server { get; }

    public string KubeConfigPath { get; }

    public string Directory => _directory.Path;

    public static async Task<LiveCluster> StartAsync(string yaml = "", bool tls = false)
    {
        var server = await FakeKubernetesServer.StartAsync(tls).ConfigureAwait(false);
        if (yaml.Length > 0)
        {
            server.Objects.AddYaml(yaml);
        }

        return new LiveCluster(server);
    }

    /// <summary>Options reading this cluster's kubeconfig, with an environment that has nothing else set.</summary>
    public LiveClusterOptions Options => new() { KubeConfigPath = KubeConfigPath, Environment = static _ => null };

    public Task<ClusterSnapshot> LoadAsync(IReadOnlyList<ResourceRead> reads, string ns = "", string selector = "", LiveClusterOptions? options = null) =>
        new LiveClusterSource(options ?? Options).LoadAsync(reads, new ScanScope(ns, LabelSelector.Parse(selector)), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        _directory.Dispose();
    }
}
