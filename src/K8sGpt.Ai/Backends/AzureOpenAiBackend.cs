using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Azure.AI.OpenAI;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>
/// Azure OpenAI over Azure.AI.OpenAI: <c>POST {baseurl}/openai/deployments/{engine}/chat/completions?api-version=V</c>
/// with the key in <c>api-key</c>, or as a bearer token when <c>azureapitype</c> is <c>AZURE_AD</c>.
/// </summary>
internal sealed class AzureOpenAiBackend : IBackend
{
    /// <summary>The GA API version used when the provider sets none.</summary>
    public const string DefaultApiVersion = "2024-10-21";

    public static readonly AzureOpenAiBackend Instance = new();

    public string Name => BackendNames.AzureOpenAi;

    public string DefaultModel => "";

    public IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider)
    {
        var problems = new List<BackendProblem>();
        ProviderChecks.RequireBaseUrl(provider, problems, "resource endpoint (for example https://my-resource.openai.azure.com)");
        if (string.IsNullOrWhiteSpace(provider.Engine))
        {
            problems.Add(new("engine", "the deployment name (engine) is missing", ProviderChecks.Fix(Name, "engine", "<deployment>")));
        }

        ProviderChecks.RequireKey(provider, problems, provider.AzureApiType.Equals("AZURE_AD", StringComparison.OrdinalIgnoreCase) ? "Entra ID token" : "API key");
        switch (provider.AzureApiType.ToUpperInvariant())
        {
            case "" or "AZURE" or "AZURE_AD":
                break;
            case "CLOUDFLARE_AZURE":
                problems.Add(new("azureapitype", "azureapitype CLOUDFLARE_AZURE is not supported yet", ProviderChecks.Fix(Name, "azureAPIType", "AZURE")));
                break;
            default:
                problems.Add(new("azureapitype", $"azureapitype '{provider.AzureApiType}' is not one of AZURE, AZURE_AD, CLOUDFLARE_AZURE", ProviderChecks.Fix(Name, "azureAPIType", "AZURE")));
                break;
        }

        if (provider.AzureApiVersion.Length > 0 && !IsApiVersion(provider.AzureApiVersion))
        {
            problems.Add(new("azureapiversion", $"the API version '{provider.AzureApiVersion}' is not of the form YYYY-MM-DD or YYYY-MM-DD-preview", ProviderChecks.Fix(Name, "azureAPIVersion", DefaultApiVersion)));
        }

        ProviderChecks.CheckCommon(provider, problems);
        return problems;
    }

    public IChatClient Create(AiProviderConfig provider, BackendRuntime runtime)
    {
        var shaping = new RequestShaping
        {
            Headers = ProviderChecks.Headers(provider, runtime),
            ApiKeyAsBearer = provider.AzureApiType.Equals("AZURE_AD", StringComparison.OrdinalIgnoreCase),
            ApiVersion = provider.AzureApiVersion.Length > 0 ? provider.AzureApiVersion : DefaultApiVersion,
        };
        var http = AiHttpClients.Create(Name, provider.ProxyEndpoint, shaping, runtime.Http);
        var options = new AzureOpenAIClientOptions(AzureOpenAIClientOptions.ServiceVersion.V2024_10_21)
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = SdkTimeouts.Overall(runtime.Http),
        };
        var client = new AzureOpenAIClient(new Uri(provider.BaseUrl), new ApiKeyCredential(provider.Password), options);
        var inner = client.GetChatClient(provider.Engine).AsIChatClient();
        return new BackendChatClient(inner, Name, new ChatOptions
        {
            ModelId = provider.Engine,
            Temperature = (float?)provider.Temperature,
            TopP = (float?)provider.TopP,
            MaxOutputTokens = provider.MaxTokens,
        });
    }

    private static bool IsApiVersion(string value)
    {
        var date = value.EndsWith("-preview", StringComparison.Ordinal) ? value[..^"-preview".Length] : value;
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
