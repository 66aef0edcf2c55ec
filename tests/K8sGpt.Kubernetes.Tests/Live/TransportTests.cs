using System.Net;
using System.Net.Sockets;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live;
using K8sGpt.Testing.FakeKubernetes;

namespace K8sGpt.Kubernetes.Tests.Live;

public sealed class TransportTests
{
    private static readonly ResourceRead[] s_pods = [ResourceRead.Primary(KnownResources.Pods)];

    [Fact]
    public async Task Https_with_the_generated_ca_and_a_bearer_token_reads_the_cluster()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.HealthyPod("default", "a"), tls: true);

        var snapshot = await cluster.LoadAsync(s_pods);

        Assert.StartsWith("https://127.0.0.1:", cluster.Server.Url.ToString(), StringComparison.Ordinal);
        Assert.Single(snapshot.Objects(KnownResources.Pods));
        Assert.All(cluster.Server.Requests.All, static r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Server_certificate_not_signed_by_the_kubeconfig_ca_is_a_cluster_access_error_naming_tls()
    {
        await using var cluster = await LiveCluster.StartAsync(tls: true);
        var path = Path.Combine(cluster.Directory, "other-ca");
        await File.WriteAllTextAsync(path, cluster.Server.KubeConfigYaml(authorityPem: FakeCertificates.UnrelatedAuthorityPem()));

        var error = await Assert.ThrowsAsync<ClusterAccessException>(() =>
            cluster.LoadAsync(s_pods, options: cluster.Options with { KubeConfigPath = path }));

        Assert.StartsWith($"TLS handshake with the Kubernetes API server at {cluster.Server.Url.ToString().TrimEnd('/')} failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_token_is_a_cluster_access_error_after_one_request()
    {
        await using var cluster = await LiveCluster.StartAsync();
        var path = cluster.Server.WriteKubeConfig(cluster.Directory, token: "stolen", fileName: "bad-token");

        var error = await Assert.ThrowsAsync<ClusterAccessException>(() =>
            cluster.LoadAsync(s_pods, options: cluster.Options with { KubeConfigPath = path }));

        Assert.Equal(
            $"the Kubernetes API server at {cluster.Server.Url.ToString().TrimEnd('/')} rejected the credentials of the current context (401 Unauthorized): check the token or certificate in the kubeconfig",
            error.Message);
        Assert.Equal(["GET /version"], cluster.Server.Requests.All.Select(static r => r.ToString()));
    }

    [Fact]
    public async Task Refused_connection_is_a_cluster_access_error()
    {
        using var directory = new TempDirectory();
        var port = FreePort();
        var path = directory.File("kubeconfig");
        await using (var server = await FakeKubernetesServer.StartAsync())
        {
            await File.WriteAllTextAsync(path, server.KubeConfigYaml(server: $"http://127.0.0.1:{port}"));
        }

        var error = await Assert.ThrowsAsync<ClusterAccessException>(() =>
            new LiveClusterSource(new LiveClusterOptions { KubeConfigPath = path, Environment = static _ => null })
                .LoadAsync(s_pods, ScanScope.Everything, CancellationToken.None));

        Assert.StartsWith($"cannot reach the Kubernetes API server at http://127.0.0.1:{port}: connection failed", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A port nothing listens on: bound by the OS, then released.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
