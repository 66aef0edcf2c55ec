using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;

namespace K8sGpt.Ai.Tests.Registry;

public sealed class BackendRegistryTests
{
    [Fact]
    public void Azure_without_engine_names_the_missing_deployment_and_the_command_that_fixes_it()
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = "azureopenai", BaseUrl = "https://r.openai.azure.com", Password = "k" });

        Assert.Equal(BackendState.Invalid, status.State);
        var problem = Assert.Single(status.Problems);
        Assert.Equal(new BackendProblem("engine", "the deployment name (engine) is missing", "k8sgpt auth update --backend azureopenai --engine <deployment>"), problem);
    }

    [Fact]
    public void Azure_with_nothing_set_lists_every_missing_setting()
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = "azureopenai", AzureApiType = "AZUR", AzureApiVersion = "latest" });

        Assert.Equal(["baseurl", "engine", "password", "azureapitype", "azureapiversion"], status.Problems.Select(static p => p.Setting));
    }

    [Theory]
    [InlineData("openai", "password")]
    [InlineData("groq", "password,model")]
    [InlineData("anthropic", "password")]
    [InlineData("localai", "baseurl,model")]
    [InlineData("litellm", "model")]
    [InlineData("customrest", "baseurl")]
    [InlineData("ollama", "")]
    [InlineData("noopai", "")]
    public void Each_backend_names_its_own_required_settings(string name, string settings)
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = name });

        Assert.Equal(settings, string.Join(",", status.Problems.Select(static p => p.Setting)));
        Assert.Equal(settings.Length == 0 ? BackendState.Ready : BackendState.Invalid, status.State);
    }

    [Theory]
    [InlineData("cohere")]
    [InlineData("amazonbedrock")]
    [InlineData("amazonbedrockconverse")]
    [InlineData("amazonsagemaker")]
    [InlineData("google")]
    [InlineData("huggingface")]
    [InlineData("googlevertexai")]
    [InlineData("oci")]
    [InlineData("ibmwatsonxai")]
    [InlineData("bedrockmantle")]
    public void The_ten_other_reference_backends_are_accepted_but_unsupported(string name)
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = name, Password = "k" });

        Assert.Equal(BackendState.Unsupported, status.State);
        Assert.StartsWith($"backend '{name}' is not supported yet by this version; supported: openai, anthropic, localai, ollama, azureopenai, noopai, customrest, groq, litellm", Assert.Single(status.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_invalid_and_lists_the_known_names()
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = "chatgpt" });

        Assert.Equal(BackendState.Invalid, status.State);
        Assert.StartsWith("'chatgpt' is not a backend name; known backends: openai, anthropic, ", Assert.Single(status.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_sampling_settings_are_named()
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = "openai", Password = "k", Temperature = 3, TopP = 1.5, TopK = 0, MaxTokens = -1, BaseUrl = "api.openai.com" });

        Assert.Equal(["baseurl", "temperature", "topp", "topk", "maxtokens"], status.Problems.Select(static p => p.Setting));
    }

    [Fact]
    public void An_existing_config_with_several_providers_loads_and_validates_each()
    {
        var config = ConfigStore.Parse(
            """
            ai:
              defaultprovider: azureopenai
              providers:
                - name: openai
                  model: gpt-4o
                  password: sk-1
                  temperature: 0.7
                  topp: 0.5
                  topk: 50
                  maxtokens: 2048
                  customheaders: []
                - name: azureopenai
                  model: gpt-4o
                  password: az-1
                  baseurl: https://my-resource.openai.azure.com
                  engine: my-deployment
                  azureapitype: AZURE
                  azureapiversion: "2024-06-01"
                  customheaders:
                    - X-Team: [platform]
                - name: amazonbedrockconverse
                  model: anthropic.claude-3-5-sonnet-20240620-v1:0
                  providerregion: us-east-1
                - name: ollama
                  baseurl: http://localhost:11434/v1
                  model: llama3
                - name: localai
            """,
            "k8sgpt.yaml");

        var registry = BackendRegistry.Create(config.Ai);

        Assert.Equal(
            ["openai:Ready", "azureopenai:Ready", "amazonbedrockconverse:Unsupported", "ollama:Ready", "localai:Invalid"],
            registry.Statuses.Select(static s => $"{s.Name}:{s.State}"));
        Assert.True(registry.TryGetClient("AzureOpenAI", out var client, out var status));
        Assert.NotNull(client);
        Assert.True(status!.IsReady);
        Assert.False(registry.TryGetClient("localai", out var none, out var invalid));
        Assert.Null(none);
        Assert.Equal(BackendState.Invalid, invalid!.State);
        Assert.False(registry.TryGetClient("groq", out _, out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Statuses_never_contain_the_key()
    {
        var status = BackendRegistry.Validate(new AiProviderConfig { Name = "azureopenai", Password = "super-secret-key", AzureApiType = "bogus" });

        Assert.DoesNotContain(status.Problems, static p => p.Message.Contains("super-secret-key", StringComparison.Ordinal) || p.Fix.Contains("super-secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public void Ollama_base_url_is_normalised_with_or_without_v1()
    {
        Assert.Equal("http://h:11434/", OllamaBackend.NormaliseBaseUrl("http://h:11434/v1/").ToString());
        Assert.Equal("http://h:11434/", OllamaBackend.NormaliseBaseUrl("http://h:11434").ToString());
        Assert.Equal("http://localhost:11434/", OllamaBackend.NormaliseBaseUrl("").ToString());
    }
}
