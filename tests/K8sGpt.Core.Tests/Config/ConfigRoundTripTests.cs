using K8sGpt.Core.Config;

namespace K8sGpt.Core.Tests.Config;

public sealed class ConfigRoundTripTests
{
    [Fact]
    public async Task Unknown_keys_at_every_level_survive_an_update()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", """
            future_top: {nested: [1, 2]}
            ai:
              future_ai: keep-me
              providers:
                - name: openai
                  future_provider: 42
            cache:
              currentCacheType: gcs
              gcs: {projectid: p, region: r, bucketname: b}
              future_cache: x
            custom_analyzers:
              - name: a
                future_custom: y
                connection: {url: localhost, port: 1, future_connection: z}
            """);

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Pod"] }, CancellationToken.None);
        var text = await File.ReadAllTextAsync(path);
        var config = new ConfigStore(path).Load();

        Assert.Equal(["Pod"], config.ActiveFilters);
        Assert.Contains("future_top", config.Extra.Keys);
        Assert.Contains("future_ai", config.Ai.Extra.Keys);
        Assert.Contains("future_provider", Assert.Single(config.Ai.Providers).Extra.Keys);
        Assert.Contains("future_cache", config.Cache.Settings.Keys);
        Assert.Contains("gcs", config.Cache.Settings.Keys);
        Assert.Contains("future_custom", Assert.Single(config.CustomAnalyzers).Extra.Keys);
        Assert.Contains("future_connection: z", text, StringComparison.Ordinal);
        Assert.Contains("nested:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_example_survives_an_update_field_for_field()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", ExampleConfig.Yaml);
        var before = ConfigStore.Render(ConfigStore.Parse(ExampleConfig.Yaml, path));

        await new ConfigStore(path).UpdateAsync(c => c, CancellationToken.None);

        Assert.Equal(before, await File.ReadAllTextAsync(path));
        Assert.Equal(before, ConfigStore.Render(new ConfigStore(path).Load()));
    }

    [Theory]
    [InlineData("2024-06-01")]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("0x1F")]
    [InlineData(".5")]
    [InlineData("-3")]
    [InlineData("+3")]
    [InlineData(".inf")]
    [InlineData(".NaN")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("FALSE")]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("Off")]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("*alias")]
    [InlineData("line1\nline2")]
    public void Values_yaml_would_mistype_are_quoted_and_read_back_as_the_same_string(string value)
    {
        var config = new K8sGptConfig
        {
            Ai = new AiConfig
            {
                DefaultProvider = value.Length == 0 ? "x" : value,
                Providers = [new AiProviderConfig { Name = "openai", Model = value, AzureApiVersion = value, Password = value, StopSequences = [value.Length == 0 ? "x" : value], CustomHeaders = [new("X-H", [value])] }],
            },
            ActiveFilters = [value.Length == 0 ? "x" : value],
            Cache = new CacheConfig { CurrentCacheType = value },
            CustomAnalyzers = [new CustomAnalyzerConfig(value, value, value)],
        };

        var text = ConfigStore.Render(config);
        var back = ConfigStore.Parse(text, "k8sgpt.yaml");

        var provider = Assert.Single(back.Ai.Providers);
        Assert.Equal(config.Ai.DefaultProvider, back.Ai.DefaultProvider);
        Assert.Equal(value, provider.Model);
        Assert.Equal(value, provider.AzureApiVersion);
        Assert.Equal(value, provider.Password);
        Assert.Equal(config.Ai.Providers[0].StopSequences, provider.StopSequences);
        Assert.Equal([value], Assert.Single(provider.CustomHeaders).Value);
        Assert.Equal(config.ActiveFilters, back.ActiveFilters);
        Assert.Equal(value, back.Cache.CurrentCacheType);
        var custom = Assert.Single(back.CustomAnalyzers);
        Assert.Equal((value, value, value), (custom.Name, custom.Url, custom.Port));
    }

    [Fact]
    public async Task Anchors_and_aliases_in_unknown_keys_survive_an_update()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", """
            defaults: &defaults {region: eu-west-1, retries: 3}
            staging: *defaults
            active_filters: [Pod]
            """);

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Service"] }, CancellationToken.None);
        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Pod"] }, CancellationToken.None);

        var config = new ConfigStore(path).Load();
        Assert.Equal(["Pod"], config.ActiveFilters);
        Assert.Contains("region: eu-west-1", ConfigStore.Render(config), StringComparison.Ordinal);
        Assert.Equal(["defaults", "staging"], config.Extra.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(config.Extra["defaults"].ToString(), config.Extra["staging"].ToString());
    }

    [Fact]
    public void Azure_api_version_is_written_quoted()
    {
        var text = ConfigStore.Render(new K8sGptConfig
        {
            Ai = new AiConfig { Providers = [new AiProviderConfig { Name = "azureopenai", AzureApiVersion = "2024-06-01" }] },
        });

        Assert.Contains("azureapiversion: \"2024-06-01\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_written_as_numbers_and_read_back_exactly()
    {
        var config = new K8sGptConfig
        {
            Ai = new AiConfig { Providers = [new AiProviderConfig { Name = "openai", Temperature = 0.1, TopP = 1.0, TopK = 50, MaxTokens = 2048 }] },
            CustomAnalyzers = [new CustomAnalyzerConfig("a", "localhost", "8085")],
        };

        var text = ConfigStore.Render(config);
        var provider = Assert.Single(ConfigStore.Parse(text, "k8sgpt.yaml").Ai.Providers);

        Assert.Contains("temperature: 0.1\n", text, StringComparison.Ordinal);
        Assert.Contains("port: 8085\n", text, StringComparison.Ordinal);
        Assert.Equal(0.1, provider.Temperature);
        Assert.Equal(1.0, provider.TopP);
        Assert.Equal(50, provider.TopK);
        Assert.Equal(2048, provider.MaxTokens);
    }

    [Fact]
    public void Runtime_only_keys_are_not_added_by_a_write()
    {
        var text = ConfigStore.Render(new K8sGptConfig { ActiveFilters = ["Pod"] });

        Assert.DoesNotContain("kubeconfig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("verbose", text, StringComparison.Ordinal);
        Assert.DoesNotContain("version", text, StringComparison.Ordinal);
    }
}
