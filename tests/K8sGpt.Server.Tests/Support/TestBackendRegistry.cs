using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;
using OpenAI;

namespace K8sGpt.Server.Tests.Support;

/// <summary>
/// A small registry for the server tests: validates azureopenai (baseurl, engine, key) and OpenAI-compatible
/// providers (key), and builds real SDK chat clients that talk HTTP to the fakes.
/// </summary>
internal sealed class TestBackendRegistry : IBackendRegistry
{
    private readonly Dictionary<string, (BackendStatus Status, IChatClient? Client)> _byName = new(StringComparer.OrdinalIgnoreCase);

    private TestBackendRegistry(K8sGptConfig config)
    {
        foreach (var provider in config.Ai.Providers)
        {
            var problems = Validate(provider);
            var status = new BackendStatus(provider.Name, problems.Count == 0 ? BackendState.Ready : BackendState.Invalid, problems);
            _byName[provider.Name] = (status, problems.Count == 0 ? Build(provider) : null);
        }
    }

    /// <summary>
    /// The production registry (real validators, real backends), with short HTTP bounds so fault tests stay quick:
    /// one attempt per call and a 2 s attempt timeout.
    /// </summary>
    public static IBackendRegistry Create(K8sGptConfig config) =>
        BackendRegistry.Create(config.Ai, new BackendRuntime { Http = new AiHttpOptions { AttemptTimeout = TimeSpan.FromSeconds(2), ConnectTimeout = TimeSpan.FromSeconds(2), MaxAttempts = 1 } });

    /// <summary>The stand-in registry the server was first tested with (SDK clients without the AI layer's retries).</summary>
    public static IBackendRegistry CreateStandIn(K8sGptConfig config) => new TestBackendRegistry(config);

    public IReadOnlyList<BackendStatus> Statuses => _byName.Values.Select(static v => v.Status).ToArray();

    public BackendStatus? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry.Status : null;

    public bool TryGetClient(string name, out IChatClient? client, out BackendStatus? status)
    {
        if (_byName.TryGetValue(name, out var entry))
        {
            (status, client) = entry;
            return client is not null;
        }

        (status, client) = (null, null);
        return false;
    }

    private static List<BackendProblem> Validate(AiProviderConfig p)
    {
        var problems = new List<BackendProblem>();
        var fix = $"k8sgpt auth update --backend {p.Name}";
        if (p.Name.Equals("azureopenai", StringComparison.OrdinalIgnoreCase))
        {
            if (p.BaseUrl.Length == 0)
            {
                problems.Add(new("baseurl", "the Azure OpenAI endpoint (base URL) is not set", $"{fix} --baseurl https://<resource>.openai.azure.com/"));
            }

            if (p.Engine.Length == 0)
            {
                problems.Add(new("engine", "the Azure OpenAI deployment (engine) is not set", $"{fix} --engine <deployment>"));
            }
        }

        if (p.Password.Length == 0)
        {
            problems.Add(new("password", "the API key is not set", $"{fix} --password <key>"));
        }

        return problems;
    }

    private static IChatClient Build(AiProviderConfig p)
    {
        var noRetry = new ClientRetryPolicy(0);
        if (p.Name.Equals("azureopenai", StringComparison.OrdinalIgnoreCase))
        {
            var options = new AzureOpenAIClientOptions(AzureOpenAIClientOptions.ServiceVersion.V2024_10_21) { RetryPolicy = noRetry, NetworkTimeout = TimeSpan.FromSeconds(30) };
            return new AzureOpenAIClient(new Uri(p.BaseUrl), new ApiKeyCredential(p.Password), options).GetChatClient(p.Engine).AsIChatClient();
        }

        var openAi = new OpenAIClientOptions { Endpoint = new Uri(p.BaseUrl.TrimEnd('/') + "/v1"), RetryPolicy = noRetry, NetworkTimeout = TimeSpan.FromSeconds(30) };
        return new OpenAIClient(new ApiKeyCredential(p.Password), openAi).GetChatClient(p.Model.Length > 0 ? p.Model : "gpt-4o-mini").AsIChatClient();
    }
}
