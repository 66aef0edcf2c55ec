using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace K8sGpt.Ai.Backends;

/// <summary>Ollama over OllamaSharp's native <c>/api/chat</c>. A base URL ending in <c>/v1</c> is normalised.</summary>
internal sealed class OllamaBackend : IBackend
{
    public const string DefaultBaseUrl = "http://localhost:11434";

    public static readonly OllamaBackend Instance = new();

    public string Name => BackendNames.Ollama;

    public string DefaultModel => "llama3";

    public IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider)
    {
        var problems = new List<BackendProblem>();
        ProviderChecks.CheckCommon(provider, problems);
        return problems;
    }

    public IChatClient Create(AiProviderConfig provider, BackendRuntime runtime)
    {
        var shaping = new RequestShaping { Headers = ProviderChecks.Headers(provider, runtime) };
        var http = AiHttpClients.Create(Name, provider.ProxyEndpoint, shaping, runtime.Http, NormaliseBaseUrl(provider.BaseUrl));
        var model = ProviderChecks.Model(provider, DefaultModel);
        var inner = new OllamaApiClient(http, model);
        return new BackendChatClient(inner, Name, new ChatOptions
        {
            ModelId = model,
            Temperature = (float?)provider.Temperature,
            TopP = (float?)provider.TopP,
            TopK = provider.TopK,
            MaxOutputTokens = provider.MaxTokens,
        });
    }

    /// <summary>The server root: <c>http://host:11434</c>, <c>.../</c> and <c>.../v1</c> all mean the same server.</summary>
    public static Uri NormaliseBaseUrl(string baseUrl)
    {
        var value = (baseUrl.Length > 0 ? baseUrl : DefaultBaseUrl).TrimEnd('/');
        foreach (var suffix in new[] { "/api/chat", "/api", "/v1" })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^suffix.Length].TrimEnd('/');
                break;
            }
        }

        return new Uri(value + "/");
    }
}
