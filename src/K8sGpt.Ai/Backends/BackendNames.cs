namespace K8sGpt.Ai.Backends;

/// <summary>The 19 reference backend names, in the reference's canonical order (also the <c>auth list</c> order).</summary>
public static class BackendNames
{
    public const string OpenAi = "openai";
    public const string AzureOpenAi = "azureopenai";
    public const string LocalAi = "localai";
    public const string LiteLlm = "litellm";
    public const string Groq = "groq";
    public const string Ollama = "ollama";
    public const string Anthropic = "anthropic";
    public const string CustomRest = "customrest";
    public const string NoOpAi = "noopai";

    public static readonly IReadOnlyList<string> All =
    [
        "openai", "anthropic", "localai", "ollama", "azureopenai", "cohere", "amazonbedrock", "amazonbedrockconverse",
        "amazonsagemaker", "google", "noopai", "huggingface", "googlevertexai", "oci", "customrest", "ibmwatsonxai",
        "groq", "bedrockmantle", "litellm",
    ];

    /// <summary>Backends that work without an API key.</summary>
    public static readonly IReadOnlySet<string> PasswordLess = new HashSet<string>(StringComparer.Ordinal)
    {
        "localai", "ollama", "amazonsagemaker", "amazonbedrock", "amazonbedrockconverse", "googlevertexai", "oci",
        "customrest", "bedrockmantle", "litellm", "noopai",
    };

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
