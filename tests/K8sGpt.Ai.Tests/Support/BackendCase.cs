using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Ai.Tests.Support;

/// <summary>A backend wired to a fake endpoint: its provider entry and the dialect its fake speaks.</summary>
public sealed record BackendCase(string Name, FakeAiDialect Dialect, Func<string, AiProviderConfig> Provider)
{
    public static readonly AiHttpOptions FastHttp = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(30),
        MaxAttempts = 2,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    public static readonly IReadOnlyDictionary<string, BackendCase> ByName = new[]
    {
        new BackendCase("openai", FakeAiDialect.OpenAi, url => new AiProviderConfig { Name = "openai", Password = "sk-test", BaseUrl = url + "/v1", Model = "gpt-4o-mini" }),
        new BackendCase("azureopenai", FakeAiDialect.OpenAi, url => new AiProviderConfig { Name = "azureopenai", Password = "azure-key", BaseUrl = url, Engine = "k8sgpt-deploy" }),
        new BackendCase("localai", FakeAiDialect.OpenAi, url => new AiProviderConfig { Name = "localai", BaseUrl = url + "/v1", Model = "llama-3" }),
        new BackendCase("litellm", FakeAiDialect.OpenAi, url => new AiProviderConfig { Name = "litellm", Password = "sk-litellm", BaseUrl = url + "/v1", Model = "gpt-4o" }),
        new BackendCase("groq", FakeAiDialect.OpenAi, url => new AiProviderConfig { Name = "groq", Password = "gsk-test", BaseUrl = url + "/openai/v1", Model = "llama3-70b" }),
        new BackendCase("ollama", FakeAiDialect.Ollama, url => new AiProviderConfig { Name = "ollama", BaseUrl = url, Model = "llama3" }),
        new BackendCase("anthropic", FakeAiDialect.Anthropic, url => new AiProviderConfig { Name = "anthropic", Password = "ant-key", BaseUrl = url, Model = "claude-3-5-sonnet-latest" }),
        new BackendCase("customrest", FakeAiDialect.CustomRest, url => new AiProviderConfig { Name = "customrest", Password = "rest-token", BaseUrl = url + "/explain", Model = "my-model" }),
    }.ToDictionary(static c => c.Name);

    public static TheoryData<string> Names => [.. ByName.Keys];

    public static ReadyBackend Build(AiProviderConfig provider, AiHttpOptions? http = null)
    {
        var registry = BackendRegistry.Create(new AiConfig { Providers = [provider] }, new BackendRuntime { Http = http ?? FastHttp });
        var status = registry.Find(provider.Name)!;
        Assert.True(status.IsReady, string.Join("; ", status.Problems.Select(static p => p.Message)));
        Assert.True(registry.TryGetBackend(provider.Name, out var backend));
        return backend!;
    }

    public override string ToString() => Name;
}
