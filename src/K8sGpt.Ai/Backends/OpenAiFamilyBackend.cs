using System.ClientModel;
using System.ClientModel.Primitives;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;
using OpenAI;

namespace K8sGpt.Ai.Backends;

/// <summary>
/// openai and the OpenAI-compatible servers (localai, litellm, groq), over the OpenAI SDK. Compatible servers get
/// <c>max_tokens</c>, which they accept, instead of <c>max_completion_tokens</c>.
/// </summary>
internal sealed class OpenAiFamilyBackend(string name, string defaultBaseUrl, bool keyRequired, bool legacyMaxTokens, string defaultModel) : IBackend
{
    public static readonly OpenAiFamilyBackend OpenAi = new(BackendNames.OpenAi, "https://api.openai.com/v1", keyRequired: true, legacyMaxTokens: false, "gpt-4o");
    public static readonly OpenAiFamilyBackend LocalAi = new(BackendNames.LocalAi, "", keyRequired: false, legacyMaxTokens: true, "");
    public static readonly OpenAiFamilyBackend LiteLlm = new(BackendNames.LiteLlm, "http://localhost:4000/v1", keyRequired: false, legacyMaxTokens: true, "");
    public static readonly OpenAiFamilyBackend Groq = new(BackendNames.Groq, "https://api.groq.com/openai/v1", keyRequired: true, legacyMaxTokens: true, "");

    public string Name => name;

    public string DefaultModel => defaultModel;

    public IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider)
    {
        var problems = new List<BackendProblem>();
        if (keyRequired)
        {
            ProviderChecks.RequireKey(provider, problems);
        }

        if (defaultBaseUrl.Length == 0)
        {
            ProviderChecks.RequireBaseUrl(provider, problems, "base URL of the server (for example http://localhost:8080/v1)");
        }

        if (defaultModel.Length == 0)
        {
            ProviderChecks.RequireModel(provider, problems);
        }

        ProviderChecks.CheckCommon(provider, problems);
        return problems;
    }

    public IChatClient Create(AiProviderConfig provider, BackendRuntime runtime)
    {
        var shaping = new RequestShaping
        {
            Headers = ProviderChecks.Headers(provider, runtime),
            RemoveAuthorization = provider.Password.Length == 0,
            UseLegacyMaxTokens = legacyMaxTokens,
        };
        var http = AiHttpClients.Create(name, provider.ProxyEndpoint, shaping, runtime.Http);
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.BaseUrl.Length > 0 ? provider.BaseUrl : defaultBaseUrl),
            OrganizationId = provider.OrganizationId.Length > 0 ? provider.OrganizationId : null,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = SdkTimeouts.Overall(runtime.Http),
        };

        // A keyless server still needs a credential object; its Authorization header is removed before sending.
        var credential = new ApiKeyCredential(provider.Password.Length > 0 ? provider.Password : "unused");
        var model = ProviderChecks.Model(provider, defaultModel);
        var inner = new OpenAIClient(credential, options).GetChatClient(model).AsIChatClient();
        return new BackendChatClient(inner, name, new ChatOptions
        {
            ModelId = model,
            Temperature = (float?)provider.Temperature,
            TopP = (float?)provider.TopP,
            MaxOutputTokens = provider.MaxTokens ?? 2048,
        });
    }
}
