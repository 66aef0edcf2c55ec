using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;

namespace K8sGpt.Ai.Backends;

/// <summary>The implemented backends by name, and validation for any provider entry.</summary>
internal static class BackendCatalog
{
    private static readonly Dictionary<string, IBackend> s_implemented = new IBackend[]
    {
        OpenAiFamilyBackend.OpenAi, OpenAiFamilyBackend.LocalAi, OpenAiFamilyBackend.LiteLlm, OpenAiFamilyBackend.Groq,
        AzureOpenAiBackend.Instance, OllamaBackend.Instance, AnthropicBackend.Instance, CustomRestBackend.Instance,
        NoOpBackend.Instance,
    }.ToDictionary(static b => b.Name, StringComparer.Ordinal);

    public static IBackend? Find(string name) => s_implemented.GetValueOrDefault(name);

    public static bool IsImplemented(string name) => s_implemented.ContainsKey(name);

    /// <summary>The state and problems of one provider entry; its name is compared as written, lower-cased.</summary>
    public static BackendStatus Validate(AiProviderConfig provider)
    {
        var name = provider.Name.Trim().ToLowerInvariant();
        if (!BackendNames.IsKnown(name))
        {
            return new BackendStatus(provider.Name, BackendState.Invalid,
            [
                new("name", $"'{provider.Name}' is not a backend name; known backends: {string.Join(", ", BackendNames.All)}", $"k8sgpt auth remove --backends {provider.Name}"),
            ]);
        }

        if (Find(name) is not { } backend)
        {
            return new BackendStatus(name, BackendState.Unsupported,
            [
                new("name", $"backend '{name}' is not supported yet by this version; supported: {string.Join(", ", BackendNames.All.Where(IsImplemented))}", "k8sgpt auth add --backend <supported backend>"),
            ]);
        }

        var problems = backend.Validate(provider);
        return new BackendStatus(name, problems.Count == 0 ? BackendState.Ready : BackendState.Invalid, problems);
    }
}
