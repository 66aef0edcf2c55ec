using Grpc.Core;
using K8sGpt.Core.Config;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;

namespace K8sGpt.Server.Tests;

/// <summary>AddConfig / RemoveConfig / ListIntegrations: only what the request names, atomic and serialized.</summary>
public sealed class ConfigServiceTests
{
    [Fact]
    public async Task Concurrent_AddConfig_calls_all_land_in_the_config_file_and_keep_the_other_settings()
    {
        await using var server = await ServerHarness.StartAsync("active_filters: [Pod]\n");

        var adds = Enumerable.Range(0, 20).Select(i => server.Config.AddConfigAsync(
            new AddConfigRequest { CustomAnalyzers = { new CustomAnalyzer { Name = $"analyzer-{i}", Connection = new Connection { Url = "localhost", Port = $"{8000 + i}" } } } },
            ServerHarness.Deadline()).ResponseAsync);
        var replies = await Task.WhenAll(adds);
        var config = new ConfigStore(server.ConfigPath).Load();

        Assert.All(replies, r => Assert.StartsWith("custom analyzers added: analyzer-", r.Status, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"analyzer-{i}").Order(StringComparer.Ordinal), config.CustomAnalyzers.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("8007", config.CustomAnalyzers.Single(a => a.Name == "analyzer-7").Port);
        Assert.Equal(["Pod"], config.ActiveFilters);
    }

    [Fact]
    public async Task RemoveConfig_removes_only_the_named_custom_analyzer_and_says_which()
    {
        await using var server = await ServerHarness.StartAsync("custom_analyzers:\n  - name: a\n    connection: {url: localhost, port: 8085}\n  - name: b\n    connection: {url: localhost, port: 8086}\n");

        var reply = await server.Config.RemoveConfigAsync(new RemoveConfigRequest { CustomAnalyzers = { new CustomAnalyzer { Name = "a" }, new CustomAnalyzer { Name = "zz" } } }, ServerHarness.Deadline());
        var config = new ConfigStore(server.ConfigPath).Load();

        Assert.Equal("custom analyzers removed: a (not configured: zz)", reply.Status);
        Assert.Equal(["b"], config.CustomAnalyzers.Select(a => a.Name));
    }

    [Fact]
    public async Task AddConfig_with_an_s3_cache_writes_the_cache_section_and_RemoveConfig_resets_it_to_the_file_cache()
    {
        await using var server = await ServerHarness.StartAsync("");

        var added = await server.Config.AddConfigAsync(new AddConfigRequest { Cache = new Cache { S3Cache = new S3Cache { BucketName = "bucket", Region = "eu-west-1" } } }, ServerHarness.Deadline());
        var written = new ConfigStore(server.ConfigPath).Load();
        var text = await File.ReadAllTextAsync(server.ConfigPath);
        var removed = await server.Config.RemoveConfigAsync(new RemoveConfigRequest { Cache = new Cache() }, ServerHarness.Deadline());
        var reset = new ConfigStore(server.ConfigPath).Load();

        Assert.Equal("cache set to s3", added.Status);
        Assert.Equal("s3", written.Cache.CurrentCacheType);
        Assert.Contains("bucketname: bucket", text, StringComparison.Ordinal);
        Assert.Equal("remote cache removed: using the file cache", removed.Status);
        Assert.Equal("", reset.Cache.CurrentCacheType);
    }

    [Theory]
    [InlineData("", "localhost", "8085", "a custom analyzer needs a name and connection.url")]
    [InlineData("x", "localhost", "eighty", "custom analyzer x: connection.port \"eighty\" is not a port number (1-65535)")]
    public async Task AddConfig_with_an_invalid_custom_analyzer_is_INVALID_ARGUMENT_and_writes_nothing(string name, string url, string port, string message)
    {
        await using var server = await ServerHarness.StartAsync("active_filters: [Pod]\n");
        var before = await File.ReadAllTextAsync(server.ConfigPath);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Config.AddConfigAsync(
            new AddConfigRequest { CustomAnalyzers = { new CustomAnalyzer { Name = name, Connection = new Connection { Url = url, Port = port } } } },
            ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
        Assert.Equal(before, await File.ReadAllTextAsync(server.ConfigPath));
    }

    [Fact]
    public async Task Enabling_trivy_adds_its_analyzers_after_the_core_ones_and_ListIntegrations_reports_it()
    {
        await using var server = await ServerHarness.StartAsync("custom_analyzers:\n  - name: a\n    connection: {url: localhost, port: 8085}\n");
        var enable = new AddConfigRequest { Integrations = new Integrations { Trivy = new Trivy { Enabled = true, SkipInstall = false, Namespace = "trivy-system" } } };

        var before = await server.Config.ListIntegrationsAsync(new ListIntegrationsRequest(), ServerHarness.Deadline());
        var added = await server.Config.AddConfigAsync(enable, ServerHarness.Deadline());
        var again = await server.Config.AddConfigAsync(enable, ServerHarness.Deadline());
        var after = await server.Config.ListIntegrationsAsync(new ListIntegrationsRequest(), ServerHarness.Deadline());
        var config = new ConfigStore(server.ConfigPath).Load();

        Assert.False(before.Trivy.Enabled);
        Assert.StartsWith("integration trivy activated: VulnerabilityReport, ConfigAuditReport added to active_filters (the operator is not installed by k8sgpt", added.Status, StringComparison.Ordinal);
        Assert.Equal("integration trivy is already active (VulnerabilityReport, ConfigAuditReport in active_filters)", again.Status);
        Assert.True(after.Trivy.Enabled);
        Assert.True(after.Trivy.SkipInstall);
        Assert.Equal(16, config.ActiveFilters.Count);
        Assert.Equal(["ConfigAuditReport", "VulnerabilityReport"], config.ActiveFilters.TakeLast(2));
        Assert.Contains("Pod", config.ActiveFilters);
        Assert.Equal(["a"], config.CustomAnalyzers.Select(static a => a.Name));
    }

    [Fact]
    public async Task RemoveConfig_naming_trivy_deactivates_it_and_keeps_every_other_filter()
    {
        await using var server = await ServerHarness.StartAsync("active_filters: [Pod, VulnerabilityReport, ConfigAuditReport, ScaledObject]\n");
        var disable = new RemoveConfigRequest { Integrations = new Integrations { Trivy = new Trivy() } };

        var removed = await server.Config.RemoveConfigAsync(disable, ServerHarness.Deadline());
        var again = await server.Config.RemoveConfigAsync(disable, ServerHarness.Deadline());
        var list = await server.Config.ListIntegrationsAsync(new ListIntegrationsRequest(), ServerHarness.Deadline());

        Assert.Equal("integration trivy deactivated: VulnerabilityReport, ConfigAuditReport removed from active_filters (nothing is uninstalled)", removed.Status);
        Assert.Equal("integration trivy was not active", again.Status);
        Assert.False(list.Trivy.Enabled);
        Assert.Equal(["Pod", "ScaledObject"], new ConfigStore(server.ConfigPath).Load().ActiveFilters);
    }

    [Fact]
    public async Task AddConfig_with_trivy_disabled_changes_nothing_and_says_so()
    {
        await using var server = await ServerHarness.StartAsync("active_filters: [Pod]\n");
        var before = await File.ReadAllTextAsync(server.ConfigPath);

        var reply = await server.Config.AddConfigAsync(new AddConfigRequest { Integrations = new Integrations { Trivy = new Trivy { Enabled = false } } }, ServerHarness.Deadline());

        Assert.Equal("nothing to add: the request names no custom analyzer, no cache and no enabled integration", reply.Status);
        Assert.Equal(before, await File.ReadAllTextAsync(server.ConfigPath));
    }
}
