using K8sGpt.Core.Config;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Tests.Config;

public sealed class ConfigLoadTests
{
    [Fact]
    public void Reference_example_file_loads_with_every_field()
    {
        var config = ConfigStore.Parse(ExampleConfig.Yaml, "k8sgpt.yaml");

        Assert.Equal("azureopenai", config.Ai.DefaultProvider);
        Assert.Equal(["openai", "azureopenai", "amazonbedrockconverse"], config.Ai.Providers.Select(p => p.Name));

        var openai = config.Ai.Find("openai")!;
        Assert.Equal("gpt-4o", openai.Model);
        Assert.Equal("sk-test-openai", openai.Password);
        Assert.Equal(0.7, openai.Temperature);
        Assert.Equal(0.5, openai.TopP);
        Assert.Equal(50, openai.TopK);
        Assert.Equal(2048, openai.MaxTokens);
        Assert.Empty(openai.CustomHeaders);

        var azure = config.Ai.Find("azureopenai")!;
        Assert.Equal("azure-key", azure.Password);
        Assert.Equal("https://my-resource.openai.azure.com", azure.BaseUrl);
        Assert.Equal("my-deployment", azure.Engine);
        Assert.Equal("AZURE", azure.AzureApiType);
        Assert.Equal("2024-06-01", azure.AzureApiVersion);
        Assert.Equal("http://proxy.internal:3128", azure.ProxyEndpoint);
        Assert.Equal(0.2, azure.Temperature);
        var header = Assert.Single(azure.CustomHeaders);
        Assert.Equal("X-Team", header.Key);
        Assert.Equal(["platform"], header.Value);

        var bedrock = config.Ai.Find("amazonbedrockconverse")!;
        Assert.Equal("anthropic.claude-3-5-sonnet-20240620-v1:0", bedrock.Model);
        Assert.Equal("us-east-1", bedrock.ProviderRegion);
        Assert.Equal(1024, bedrock.MaxTokens);
        Assert.Equal(["###"], bedrock.StopSequences);
        Assert.Null(bedrock.Temperature);

        Assert.Equal(["Pod", "Deployment", "Service", "PrometheusConfigValidate"], config.ActiveFilters);

        Assert.Equal("s3", config.Cache.CurrentCacheType);
        var s3 = Assert.IsType<YamlMappingNode>(config.Cache.Settings["s3"]);
        Assert.Equal("k8sgpt-cache", ((YamlScalarNode)s3.Children[new YamlScalarNode("bucketname")]).Value);

        var custom = Assert.Single(config.CustomAnalyzers);
        Assert.Equal(("host-analyzer", "localhost", "8085"), (custom.Name, custom.Url, custom.Port));

        Assert.Equal(["commit", "date", "kubeconfig", "kubecontext", "verbose", "version"], config.Extra.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Provider_keys_are_read_case_insensitively()
    {
        var config = ConfigStore.Parse("""
            AI:
              DefaultProvider: openai
              Providers:
                - Name: openai
                  proxyEndpoint: http://proxy:3128
                  ProxyPort: "3128"
                  customHeaders:
                    - X-A: [one, two]
                  MaxTokens: 100
            Active_Filters: [Pod]
            """, "k8sgpt.yaml");

        var provider = Assert.Single(config.Ai.Providers);
        Assert.Equal("openai", config.Ai.DefaultProvider);
        Assert.Equal("http://proxy:3128", provider.ProxyEndpoint);
        Assert.Equal("3128", provider.ProxyPort);
        Assert.Equal(100, provider.MaxTokens);
        Assert.Equal(["one", "two"], Assert.Single(provider.CustomHeaders).Value);
        Assert.Equal(["Pod"], config.ActiveFilters);
        Assert.Empty(config.Extra);
    }

    [Theory]
    [InlineData("port: 8085")]
    [InlineData("port: \"8085\"")]
    [InlineData("port: '8085'")]
    public void Custom_analyzer_port_loads_whether_written_as_number_or_string(string portLine)
    {
        var config = ConfigStore.Parse($"""
            custom_analyzers:
              - name: a
                connection:
                  url: localhost
                  {portLine}
            """, "k8sgpt.yaml");

        Assert.Equal("8085", Assert.Single(config.CustomAnalyzers).Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Empty_file_is_an_empty_config(string text)
    {
        var config = ConfigStore.Parse(text, "k8sgpt.yaml");

        Assert.Empty(config.Ai.Providers);
        Assert.Empty(config.ActiveFilters);
        Assert.Empty(config.Extra);
    }

    [Fact]
    public void Missing_file_is_an_empty_config()
    {
        using var folder = new TempFolder();

        var config = new ConfigStore(folder.File("absent.yaml")).Load();

        Assert.Empty(config.Ai.Providers);
        Assert.Empty(folder.Entries());
    }

    [Theory]
    [InlineData("ai:\n  providers:\n    - name: openai\n   model: x\n", 4)]
    [InlineData("active_filters: [Pod\n", 2)]
    [InlineData("ai: {\n", 2)]
    [InlineData("ai:\n  defaultprovider: a\n  defaultprovider: b\n", 3)]
    public void Malformed_yaml_is_reported_with_file_and_line(string text, int line)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigStore.Parse(text, "/cfg/k8sgpt.yaml"));

        Assert.Contains("/cfg/k8sgpt.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- just\n- a list\n", "line 1", "top level")]
    [InlineData("ai: [1, 2]\n", "line 1", "ai must be a mapping")]
    [InlineData("ai:\n  providers: openai\n", "line 2", "ai.providers must be a list")]
    [InlineData("ai:\n  providers:\n    - name: openai\n      temperature: warm\n", "line 4", "ai.providers[0].temperature must be a number")]
    [InlineData("ai:\n  providers:\n    - name: openai\n      maxtokens: 10.5\n", "line 4", "ai.providers[0].maxtokens must be a whole number")]
    [InlineData("ai:\n  providers:\n    - name: openai\n      model: {a: b}\n", "line 4", "ai.providers[0].model must be a text value")]
    [InlineData("active_filters: Pod\n", "line 1", "active_filters must be a list")]
    [InlineData("active_filters:\n  - [Pod]\n", "line 2", "active_filters must be a list of strings")]
    [InlineData("custom_analyzers:\n  - name: a\n    connection: localhost\n", "line 3", "custom_analyzers[0].connection must be a mapping")]
    [InlineData("custom_analyzers:\n  - ~\n", "line 2", "custom_analyzers[0] must be a mapping")]
    [InlineData("cache: s3\n", "line 1", "cache must be a mapping")]
    public void Wrongly_shaped_values_are_reported_with_file_line_and_key(string text, string line, string message)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigStore.Parse(text, "/cfg/k8sgpt.yaml"));

        Assert.Contains("/cfg/k8sgpt.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains(line, ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
