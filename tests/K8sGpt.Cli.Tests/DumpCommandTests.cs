using System.Text.Json.Nodes;
using K8sGpt.Cli.Commands;

namespace K8sGpt.Cli.Tests;

public sealed class DumpCommandTests
{
    [Fact]
    public async Task Dump_writes_a_v1_list_with_the_snapshot_header_first_then_every_object()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);
        var file = harness.PathOf("snap.json");

        var (exit, _, err) = await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "--output", file);

        Assert.Equal(0, exit);
        var list = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        Assert.Equal("v1", list["apiVersion"]!.GetValue<string>());
        Assert.Equal("List", list["kind"]!.GetValue<string>());
        var items = list["items"]!.AsArray();
        Assert.Equal("K8sGptSnapshot", items[0]!["kind"]!.GetValue<string>());
        Assert.Equal("v1.31.2", items[0]!["serverVersion"]!.GetValue<string>());
        Assert.Equal(
            ["Event/cart.backoff", "Namespace/blog", "Namespace/shop", "Pod/cart", "Pod/writer", "Secret/db"],
            items.Skip(1).Select(static i => $"{i!["kind"]}/{i["metadata"]!["name"]}").Order(StringComparer.Ordinal));
        Assert.Null(items.Single(static i => (string?)i!["kind"] == "Secret")!["data"]);
        Assert.Contains($"wrote 6 objects to {file}", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_file_is_readable_by_its_owner_only()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);
        var file = harness.PathOf("snap.json");

        await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "-o", file);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(file));
        Assert.Equal(["kubeconfig", "snap.json"], Directory.GetFiles(harness.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dump_to_dash_writes_the_json_to_stdout_and_facts_to_stderr()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);

        var (exit, stdout, err) = await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "--output", "-");

        Assert.Equal(0, exit);
        Assert.Equal("List", JsonNode.Parse(stdout)!["kind"]!.GetValue<string>());
        Assert.Contains("cluster: context fake, Kubernetes v1.31.2", err, StringComparison.Ordinal);
        Assert.Contains("  pods: 2", err, StringComparison.Ordinal);
        Assert.Contains("AI providers: none configured", err, StringComparison.Ordinal);
        Assert.Contains("active filters: none (core analyzers)", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_prints_configured_providers_and_active_filters_but_never_a_key()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);
        await File.WriteAllTextAsync(harness.ConfigPath, """
            ai:
              defaultprovider: openai
              providers:
              - name: openai
                model: gpt-4o
                password: sk-very-secret-key-1234
            active_filters:
            - Pod
            """);

        var (exit, stdout, err) = await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "-o", "-");

        Assert.Equal(0, exit);
        Assert.Contains("  openai: model gpt-4o, key set (redacted), default", err, StringComparison.Ordinal);
        Assert.Contains("active filters: Pod", err, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-v", err + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_with_namespace_reads_only_that_namespace_and_records_the_scope()
    {
        await using var harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);

        var (exit, stdout, _) = await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "-n", "shop", "-o", "-");

        Assert.Equal(0, exit);
        var items = JsonNode.Parse(stdout)!["items"]!.AsArray();
        Assert.Equal("shop", items[0]!["scope"]!["namespace"]!.GetValue<string>());
        // Namespaces are cluster-scoped (the HTTPRoute analyzer reads their labels); every namespaced object is in shop.
        Assert.All(items.Skip(1).Where(static i => (string?)i!["kind"] != "Namespace"), static i => Assert.Equal("shop", i!["metadata"]!["namespace"]!.GetValue<string>()));
        Assert.DoesNotContain(harness.Server.Requests.All, static r => r.Path == "/api/v1/pods");
    }

    [Fact]
    public async Task Dump_against_an_unreachable_server_exits_2_with_one_clear_message()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        var port = FreePort();
        var kubeconfig = harness.PathOf("down");
        await File.WriteAllTextAsync(kubeconfig, harness.Server.KubeConfigYaml(server: $"http://127.0.0.1:{port}"));

        var (exit, stdout, err) = await harness.RunAsync("dump", "--kubeconfig", kubeconfig, "-o", harness.PathOf("never.json"));

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains($"Error: cannot reach the Kubernetes API server at http://127.0.0.1:{port}: connection failed", err, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.PathOf("never.json")));
    }

    [Fact]
    public void Default_file_name_carries_the_utc_time_to_the_second() =>
        Assert.Equal("k8sgpt-snapshot-20261130120005.json", DumpCommand.DefaultFileName(new DateTimeOffset(2026, 11, 30, 13, 0, 5, TimeSpan.FromHours(1))));

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
