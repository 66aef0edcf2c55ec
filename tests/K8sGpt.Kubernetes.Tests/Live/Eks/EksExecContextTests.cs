using K8sGpt.Core.Analysis;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.FakeAws;

namespace K8sGpt.Kubernetes.Tests.Live.Eks;

/// <summary>
/// A kubeconfig as <c>aws eks update-kubeconfig --alias work</c> writes it: the context is not named by the ARN and
/// authenticates through <c>aws eks get-token</c> (a stand-in script here that prints an ExecCredential).
/// </summary>
public sealed class EksExecContextTests
{
    private static async Task<string> WriteKubeConfigAsync(EksLiveCluster cluster, string args)
    {
        var directory = cluster.Kubernetes.Directory;
        var aws = Path.Combine(directory, "aws");
        var credential = "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\""
            + cluster.Kubernetes.Server.Token + "\"}}";
        await File.WriteAllTextAsync(aws, $"#!/bin/sh\necho '{credential}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var kubeconfig = cluster.Kubernetes.Server.KubeConfigYaml("work").Replace(
            $"    token: {cluster.Kubernetes.Server.Token}\n",
            $"""
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: {aws}
                  args: [{args}]
                  env: [{"{"}name: AWS_PROFILE, value: platform{"}"}]

            """,
            StringComparison.Ordinal);
        await File.WriteAllTextAsync(cluster.Kubernetes.KubeConfigPath, kubeconfig);
        return aws;
    }

    private static async Task<string> WriteProfileAsync(EksLiveCluster cluster)
    {
        var path = Path.Combine(cluster.Kubernetes.Directory, "credentials");
        await File.WriteAllTextAsync(path, $"[platform]\naws_access_key_id = {FakeEksServer.AccessKey}\naws_secret_access_key = {FakeEksServer.SecretKey}\n");
        return path;
    }

    [Fact]
    public async Task Cluster_without_a_name_in_the_kubeconfig_is_found_by_its_endpoint_with_the_plugin_profile()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        await WriteKubeConfigAsync(cluster, "--region, eu-west-1, eks, get-token, --output, json");
        var credentials = await WriteProfileAsync(cluster);
        cluster.Eks.PageSize = 2;
        cluster.Eks.AddCluster("alpha", "eu-west-1");
        cluster.Eks.AddCluster("beta", "eu-west-1", endpoint: cluster.Kubernetes.Server.Url.ToString().TrimEnd('/'));
        cluster.Eks.AddCluster("gamma", "eu-west-1");

        var snapshot = await cluster.LoadAsync(cluster.Environment(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SHARED_CREDENTIALS_FILE", credentials)));

        Assert.Equal(ReadState.Loaded, snapshot.StatusOf(IntegrationResources.EksClusterHealth).State);
        Assert.Equal(["beta"], snapshot.AllUnstructured(IntegrationResources.EksClusterHealth).Select(static o => o.Metadata.Name));
        Assert.Equal(2, cluster.Eks.Requests.Count(static r => r.Action == "eks:ListClusters"));
        Assert.All(cluster.Eks.Requests, static r => Assert.Equal("eu-west-1", r.Region));
    }

    [Fact]
    public async Task Cluster_name_from_the_plugin_arguments_is_described_directly()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        await WriteKubeConfigAsync(cluster, "eks, get-token, --cluster-name, beta, --region, eu-west-1");
        var credentials = await WriteProfileAsync(cluster);
        cluster.Eks.AddCluster("beta", "eu-west-1", status: "FAILED");

        var snapshot = await cluster.LoadAsync(cluster.Environment(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SHARED_CREDENTIALS_FILE", credentials)));

        Assert.Equal(["beta"], snapshot.AllUnstructured(IntegrationResources.EksClusterHealth).Select(static o => o.Metadata.Name));
        Assert.DoesNotContain(cluster.Eks.Requests, static r => r.Action == "eks:ListClusters");
    }
}
