using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live;

namespace K8sGpt.Kubernetes.Tests.Live;

public sealed class KubeConfigSelectionTests
{
    private static readonly ResourceRead[] s_pods = [ResourceRead.Primary(KnownResources.Pods)];

    [Fact]
    public async Task Explicit_kubeconfig_with_its_current_context_reads_the_cluster()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.HealthyPod("default", "a"));

        var snapshot = await cluster.LoadAsync(s_pods);

        Assert.Equal(["a"], snapshot.Objects(KnownResources.Pods).Select(static p => p.Metadata.Name));
        Assert.Equal("context fake", snapshot.Facts.Source);
        Assert.Equal("v1.31.2", snapshot.Facts.ServerVersion);
    }

    [Fact]
    public async Task Kubecontext_selects_a_context_other_than_the_current_one()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.HealthyPod("default", "a"));
        var path = Path.Combine(cluster.Directory, "two-contexts");
        await File.WriteAllTextAsync(path, cluster.Server.KubeConfigYaml("good").Replace("current-context: good", "current-context: elsewhere", StringComparison.Ordinal));

        var snapshot = await cluster.LoadAsync(s_pods, options: cluster.Options with { KubeConfigPath = path, Context = "good" });

        Assert.Equal("context good", snapshot.Facts.Source);
        Assert.Single(snapshot.Objects(KnownResources.Pods));
    }

    [Fact]
    public async Task Unknown_context_is_an_error_listing_the_available_contexts_and_makes_no_request()
    {
        await using var cluster = await LiveCluster.StartAsync();

        var error = await Assert.ThrowsAsync<ClusterAccessException>(() =>
            cluster.LoadAsync(s_pods, options: cluster.Options with { Context = "prod" }));

        Assert.Equal($"context \"prod\" not found in kubeconfig {cluster.KubeConfigPath} (available contexts: fake)", error.Message);
        Assert.Equal(0, cluster.Server.Requests.Count);
    }

    [Fact]
    public async Task KUBECONFIG_with_two_files_is_merged_and_the_first_file_to_set_a_value_wins()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.HealthyPod("default", "a"));

        // First file: current-context "prod" (defined only in the second file) and a "dev" context with a bad token.
        var first = Path.Combine(cluster.Directory, "first");
        await File.WriteAllTextAsync(first, cluster.Server.KubeConfigYaml("dev", token: "wrong").Replace("current-context: dev", "current-context: prod", StringComparison.Ordinal));

        // Second file: "prod" with the right token, and a current-context that must lose to the first file's.
        var second = Path.Combine(cluster.Directory, "second");
        await File.WriteAllTextAsync(second, cluster.Server.KubeConfigYaml("prod").Replace("current-context: prod", "current-context: dev", StringComparison.Ordinal));

        var options = new LiveClusterOptions { Environment = name => name == "KUBECONFIG" ? $"{first}{Path.PathSeparator}{second}" : null };
        var snapshot = await cluster.LoadAsync(s_pods, options: options);

        Assert.Equal("context prod", snapshot.Facts.Source);
        Assert.Single(snapshot.Objects(KnownResources.Pods));
    }

    [Fact]
    public async Task KUBECONFIG_merge_keeps_the_first_files_user_when_both_define_it()
    {
        await using var cluster = await LiveCluster.StartAsync();
        var first = Path.Combine(cluster.Directory, "first");
        await File.WriteAllTextAsync(first, cluster.Server.KubeConfigYaml("dev", token: "wrong"));
        var second = Path.Combine(cluster.Directory, "second");
        await File.WriteAllTextAsync(second, cluster.Server.KubeConfigYaml("dev"));

        var options = new LiveClusterOptions { Environment = name => name == "KUBECONFIG" ? $"{first}{Path.PathSeparator}{second}" : null };
        var error = await Assert.ThrowsAsync<ClusterAccessException>(() => cluster.LoadAsync(s_pods, options: options));

        Assert.Contains("401 Unauthorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_kubeconfig_anywhere_outside_a_pod_is_an_error_saying_what_to_do()
    {
        using var home = new TempDirectory();
        var options = new LiveClusterOptions { Environment = name => name == "HOME" ? home.Path : null };

        var error = await Assert.ThrowsAsync<ClusterAccessException>(() =>
            new LiveClusterSource(options).LoadAsync(s_pods, ScanScope.Everything, CancellationToken.None));

        Assert.Equal("no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config", error.Message);
    }

    [Fact]
    public async Task Inside_a_pod_without_a_kubeconfig_the_service_account_is_used()
    {
        using var home = new TempDirectory();
        var options = new LiveClusterOptions { Environment = name => name switch { "HOME" => home.Path, "KUBERNETES_SERVICE_HOST" => "10.0.0.1", _ => null } };

        // This machine has no service account token mounted: the in-cluster path is taken and says why it failed.
        var error = await Assert.ThrowsAsync<ClusterAccessException>(() =>
            new LiveClusterSource(options).LoadAsync(s_pods, ScanScope.Everything, CancellationToken.None));

        Assert.StartsWith("cannot use the in-cluster service account: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_kubeconfig_in_home_is_used_when_nothing_else_is_given()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.HealthyPod("default", "a"));
        using var home = new TempDirectory();
        cluster.Server.WriteKubeConfig(Path.Combine(home.Path, ".kube"), fileName: "config");
        var options = new LiveClusterOptions { Environment = name => name == "HOME" ? home.Path : null };

        var snapshot = await cluster.LoadAsync(s_pods, options: options);

        Assert.Single(snapshot.Objects(KnownResources.Pods));
    }
}
