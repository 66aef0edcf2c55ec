using K8sGpt.Core.Analysis;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live;
using K8sGpt.Testing.FakeAws;

namespace K8sGpt.Kubernetes.Tests.Live.Eks;

/// <summary>A fake Kubernetes API whose context is named by an EKS cluster ARN, and a fake EKS API beside it.</summary>
internal sealed class EksLiveCluster : IAsyncDisposable
{
    public const string Arn = "arn:aws:eks:us-west-2:123456789012:cluster/prod";

    private EksLiveCluster(LiveCluster kubernetes, FakeEksServer eks)
    {
        Kubernetes = kubernetes;
        Eks = eks;
    }

    public LiveCluster Kubernetes { get; }

    public FakeEksServer Eks { get; }

    public static IReadOnlyList<ResourceRead> Reads { get; } = [ResourceRead.Lookup(IntegrationResources.EksClusterHealth)];

    public static async Task<EksLiveCluster> StartAsync(string context = Arn)
    {
        var kubernetes = await LiveCluster.StartAsync("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n").ConfigureAwait(false);
        kubernetes.Server.WriteKubeConfig(kubernetes.Directory, context);
        return new EksLiveCluster(kubernetes, await FakeEksServer.StartAsync().ConfigureAwait(false));
    }

    /// <summary>An environment with the fake's access keys and endpoint, plus <paramref name="extra"/> (null values unset a name).</summary>
    public Func<string, string?> Environment(params (string Name, string? Value)[] extra)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = FakeEksServer.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = FakeEksServer.SecretKey,
            ["AWS_ENDPOINT_URL_EKS"] = Eks.Url,
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return name => values.GetValueOrDefault(name);
    }

    public Task<ClusterSnapshot> LoadAsync(Func<string, string?> environment, TimeSpan? timeout = null, IReadOnlyList<ResourceRead>? reads = null) =>
        Kubernetes.LoadAsync(reads ?? Reads, options: Kubernetes.Options with { Environment = environment, ListTimeout = timeout ?? TimeSpan.FromSeconds(30) });

    public async ValueTask DisposeAsync()
    {
        await Eks.DisposeAsync().ConfigureAwait(false);
        await Kubernetes.DisposeAsync().ConfigureAwait(false);
    }
}
