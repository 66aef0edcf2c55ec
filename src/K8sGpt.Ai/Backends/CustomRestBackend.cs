using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>
/// The reference's custom REST contract: <c>POST {baseurl}</c> with <c>{model, prompt, options}</c>, answer
/// <c>{model, created_at, response}</c>. The base URL is required (no borrowed Ollama default).
/// </summary>
internal sealed class CustomRestBackend : IBackend
{
    public static readonly CustomRestBackend Instance = new();

    public string Name => BackendNames.CustomRest;

    public string DefaultModel => "";

    public IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider)
    {
        var problems = new List<BackendProblem>();
        ProviderChecks.RequireBaseUrl(provider, problems, "URL of the REST endpoint");
        ProviderChecks.CheckCommon(provider, problems);
        return problems;
    }

    public IChatClient Create(AiProviderConfig provider, BackendRuntime runtime)
    {
        var shaping = new RequestShaping { Headers = ProviderChecks.Headers(provider, runtime) };
        var http = AiHttpClients.Create(Name, provider.ProxyEndpoint, shaping, runtime.Http);
        var inner = new CustomRestChatClient(http, new Uri(provider.BaseUrl), provider.Password);
        return new BackendChatClient(inner, Name, new ChatOptions
        {
            ModelId = provider.Model,
            Temperature = (float?)provider.Temperature,
            TopP = (float?)provider.TopP,
            TopK = provider.TopK,
        });
    }
}
