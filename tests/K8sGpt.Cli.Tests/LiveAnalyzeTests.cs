namespace K8sGpt.Cli.Tests;

public sealed class LiveAnalyzeTests
{
    [Fact]
    public async Task Analyze_with_a_generated_kubeconfig_prints_the_findings_of_the_fake_cluster()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster, tls: true);

        var (exit, stdout, err) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(0, exit);
        Assert.Empty(err);
        Assert.Contains("shop/cart", stdout, StringComparison.Ordinal);
        Assert.Contains("back-off 5m0s restarting failed container", stdout, StringComparison.Ordinal);
        Assert.Contains("0/3 nodes are available: 3 Insufficient cpu.", stdout, StringComparison.Ordinal);
        Assert.Contains("blog/writer", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--namespace shop")]
    [InlineData("--selector app=cart")]
    public async Task Analyze_of_a_dump_prints_exactly_what_the_live_analyze_printed(string scopeArgs)
    {
        var scope = scopeArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);
        var file = harness.PathOf("snap.json");
        var dumpScope = scope.Length > 0 && scope[0] == "--namespace" ? scope : [];

        var live = await harness.RunAsync(["analyze", "--kubeconfig", harness.KubeConfig, "-o", "json", .. scope]);
        var dump = await harness.RunAsync(["dump", "--kubeconfig", harness.KubeConfig, "-o", file, .. dumpScope]);
        var offline = await harness.RunAsync(["analyze", "--snapshot", file, "-o", "json", .. scope]);

        Assert.Equal(0, live.Exit);
        Assert.Equal(0, dump.Exit);
        Assert.Equal(0, offline.Exit);
        Assert.Contains("\"problems\"", live.Out, StringComparison.Ordinal);
        Assert.Equal(live.Out, offline.Out);
    }

    [Fact]
    public async Task Analyze_against_an_unreachable_server_exits_2()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        var port = DumpCommandTests.FreePort();
        var kubeconfig = harness.PathOf("down");
        await File.WriteAllTextAsync(kubeconfig, harness.Server.KubeConfigYaml(server: $"http://127.0.0.1:{port}"));

        var (exit, _, err) = await harness.RunAsync("analyze", "--kubeconfig", kubeconfig);

        Assert.Equal(2, exit);
        Assert.StartsWith($"Error: cannot reach the Kubernetes API server at http://127.0.0.1:{port}: connection failed", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_of_a_namespace_the_cluster_does_not_have_exits_1()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);

        var (exit, _, err) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig, "-n", "nope");

        Assert.Equal(1, exit);
        Assert.StartsWith("Error: namespace \"nope\" not found in the cluster at http://127.0.0.1:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_with_an_unknown_kubecontext_exits_2_listing_the_contexts()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);

        var (exit, _, err) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig, "--kubecontext", "prod");

        Assert.Equal(2, exit);
        Assert.Equal($"Error: context \"prod\" not found in kubeconfig {harness.KubeConfig} (available contexts: fake){Environment.NewLine}", err);
    }
}
