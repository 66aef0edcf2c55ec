using System.Globalization;
using K8sGpt.Core.Config;

namespace K8sGpt.Server.Startup;

/// <summary>
/// The AI provider described by <c>K8SGPT_*</c> environment variables (how the Helm chart configures a pod).
/// It lives in memory only: it is never written to the config file.
/// </summary>
public static class EnvironmentProvider
{
    /// <summary>Every variable read, in the order they are documented.</summary>
    public static readonly IReadOnlyList<string> Variables =
    [
        "K8SGPT_BACKEND", "K8SGPT_PASSWORD", "K8SGPT_MODEL", "K8SGPT_BASEURL", "K8SGPT_ENGINE", "K8SGPT_AZURE_API_TYPE",
        "K8SGPT_AZURE_API_VERSION", "K8SGPT_PROXY_ENDPOINT", "K8SGPT_PROVIDER_ID", "K8SGPT_CUSTOM_HEADERS",
        "K8SGPT_TEMPERATURE", "K8SGPT_TOP_P", "K8SGPT_TOP_K", "K8SGPT_MAX_TOKENS",
    ];

    /// <summary>
    /// Reads the provider, or null when none of <c>K8SGPT_BACKEND</c>, <c>K8SGPT_PASSWORD</c>, <c>K8SGPT_MODEL</c> is set.
    /// Without <c>K8SGPT_BACKEND</c> the provider takes <paramref name="fallbackName"/>.
    /// </summary>
    /// <exception cref="ServeStartupException">A value cannot be parsed or is out of range (the message names the variable).</exception>
    public static AiProviderConfig? Read(Func<string, string?> environment, string fallbackName)
    {
        string Get(string name) => environment(name)?.Trim() ?? "";

        var backend = Get("K8SGPT_BACKEND");
        if (backend.Length == 0 && Get("K8SGPT_PASSWORD").Length == 0 && Get("K8SGPT_MODEL").Length == 0)
        {
            return null;
        }

        return new AiProviderConfig
        {
            Name = backend.Length > 0 ? backend : fallbackName,
            Password = Get("K8SGPT_PASSWORD"),
            Model = Get("K8SGPT_MODEL"),
            BaseUrl = Get("K8SGPT_BASEURL"),
            Engine = Get("K8SGPT_ENGINE"),
            AzureApiType = Get("K8SGPT_AZURE_API_TYPE"),
            AzureApiVersion = Get("K8SGPT_AZURE_API_VERSION"),
            ProxyEndpoint = Get("K8SGPT_PROXY_ENDPOINT"),
            ProviderId = Get("K8SGPT_PROVIDER_ID"),
            CustomHeaders = ParseHeaders(Get("K8SGPT_CUSTOM_HEADERS")),
            Temperature = ParseDouble("K8SGPT_TEMPERATURE", Get("K8SGPT_TEMPERATURE"), 0, 1),
            TopP = ParseDouble("K8SGPT_TOP_P", Get("K8SGPT_TOP_P"), 0, 1),
            TopK = ParseInt("K8SGPT_TOP_K", Get("K8SGPT_TOP_K"), 1, 100),
            MaxTokens = ParseInt("K8SGPT_MAX_TOKENS", Get("K8SGPT_MAX_TOKENS"), 1, 1_000_000),
        };
    }

    private static double? ParseDouble(string variable, string text, double min, double max)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw new ServeStartupException($"{variable}=\"{text}\" is not a number; set it to a value between {min} and {max}");
        }

        return value >= min && value <= max
            ? value
            : throw new ServeStartupException($"{variable}={text} is out of range; set it to a value between {min} and {max}");
    }

    private static int? ParseInt(string variable, string text, int min, int max)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new ServeStartupException($"{variable}=\"{text}\" is not a whole number; set it to a value between {min} and {max}");
        }

        return value >= min && value <= max
            ? value
            : throw new ServeStartupException($"{variable}={text} is out of range; set it to a value between {min} and {max}");
    }

    /// <summary><c>name:value,name:value</c>; a value may itself contain colons.</summary>
    private static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ParseHeaders(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var headers = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                // The value may be a secret: name only the position, never echo the text.
                throw new ServeStartupException(
                    $"K8SGPT_CUSTOM_HEADERS entry {headers.Count + 1} is not name:value; use the form Name:value,Other-Name:value");
            }

            headers.Add(new(pair[..colon].Trim(), [pair[(colon + 1)..].Trim()]));
        }

        return headers;
    }
}
