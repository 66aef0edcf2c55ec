using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>Anthropic Messages API over its REST contract; never reads <c>ANTHROPIC_*</c> variables.</summary>
internal sealed class AnthropicBackend : IBackend
{
    public const string DefaultBaseUrl = "https://api.anthropic.com";

    public static readonly AnthropicBackend Instance = new();

    public string Name => BackendNames.Anthropic;

    public string DefaultModel => "claude-3-5-sonnet-latest";

    public IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider)
    {
        var problems = new List<BackendProblem>();
        ProviderChecks.RequireKey(provider, problems);
        ProviderChecks.CheckCommon(provider, problems);
        return problems;
    }

    public IChatClient Create(AiProviderConfig provider, BackendRuntime runtime)
    {
        var shaping = new RequestShaping { Headers = ProviderChecks.Headers(provider, runtime) };
        var http = AiHttpClients.Create(Name, provider.ProxyEndpoint, shaping, runtime.Http);
        var inner = new AnthropicChatClient(http, new Uri(NormaliseBaseUrl(provider.BaseUrl) + "/v1/messages"), provider.Password);
        var model = ProviderChecks.Model(provider, DefaultModel);
        var maxTokens = provider.MaxTokens ?? 2048;

        // Recent Claude models refuse temperature and top-p together: top-p only goes out when no temperature is set.
        return new BackendChatClient(inner, Name, new ChatOptions
        {
            ModelId = model,
            Temperature = (float?)provider.Temperature,
            TopP = provider.Temperature is null ? (float?)provider.TopP : null,
            TopK = provider.TopK,
            MaxOutputTokens = maxTokens,
            StopSequences = provider.StopSequences.Count > 0 ? [.. provider.StopSequences] : null,
        });
    }

    /// <summary>The API root; a configured <c>.../v1/messages</c>, <c>.../messages</c> or <c>.../v1</c> is trimmed.</summary>
    public static string NormaliseBaseUrl(string baseUrl)
    {
        var value = (baseUrl.Length > 0 ? baseUrl : DefaultBaseUrl).TrimEnd('/');
        foreach (var suffix in new[] { "/v1/messages", "/messages", "/v1" })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return value[..^suffix.Length];
            }
        }

        return value;
    }
}
