using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;

namespace K8sGpt.Ai.Backends;

/// <summary>Checks shared by the backend validators. Messages never contain a secret.</summary>
internal static class ProviderChecks
{
    public static string Fix(string backend, string flag, string placeholder) =>
        $"k8sgpt auth update --backend {backend} --{flag} {placeholder}";

    public static void RequireKey(AiProviderConfig p, List<BackendProblem> problems, string what = "API key")
    {
        if (string.IsNullOrWhiteSpace(p.Password))
        {
            problems.Add(new("password", $"the {what} is missing", Fix(p.Name, "password", "<key>")));
        }
    }

    public static void RequireModel(AiProviderConfig p, List<BackendProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(p.Model))
        {
            problems.Add(new("model", "the model name is missing", Fix(p.Name, "model", "<model>")));
        }
    }

    public static void RequireBaseUrl(AiProviderConfig p, List<BackendProblem> problems, string what = "base URL")
    {
        if (string.IsNullOrWhiteSpace(p.BaseUrl))
        {
            problems.Add(new("baseurl", $"the {what} is missing", Fix(p.Name, "baseurl", "<url>")));
        }
    }

    public static void CheckCommon(AiProviderConfig p, List<BackendProblem> problems)
    {
        CheckUrl(p.Name, "baseurl", "base URL", p.BaseUrl, problems);
        if (p.ProxyEndpoint.Length > 0 && !IsHttpUrl(p.ProxyEndpoint))
        {
            problems.Add(new("proxyEndpoint", $"the proxy endpoint '{p.ProxyEndpoint}' is not an http(s) URL", $"edit proxyEndpoint of provider {p.Name} in the config file"));
        }

        if (p.Temperature is { } t && (t < 0 || t > 2 || double.IsNaN(t)))
        {
            problems.Add(new("temperature", $"the temperature {t} is outside 0..2", Fix(p.Name, "temperature", "0.7")));
        }

        if (p.TopP is { } topP && (topP < 0 || topP > 1 || double.IsNaN(topP)))
        {
            problems.Add(new("topp", $"top-p {topP} is outside 0..1", Fix(p.Name, "topp", "0.5")));
        }

        if (p.TopK is { } topK && (topK < 1 || topK > 100))
        {
            problems.Add(new("topk", $"top-k {topK} is outside 1..100", Fix(p.Name, "topk", "50")));
        }

        if (p.MaxTokens is { } max && max <= 0)
        {
            problems.Add(new("maxtokens", $"max tokens {max} must be positive", Fix(p.Name, "maxtokens", "2048")));
        }
    }

    public static void CheckUrl(string backend, string setting, string what, string value, List<BackendProblem> problems)
    {
        if (value.Length > 0 && !IsHttpUrl(value))
        {
            problems.Add(new(setting, $"the {what} '{value}' is not an absolute http(s) URL", Fix(backend, setting, "<url>")));
        }
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Config headers when the provider has any, else the command-line ones.</summary>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Headers(AiProviderConfig p, BackendRuntime runtime) =>
        p.CustomHeaders.Count > 0 ? p.CustomHeaders : runtime.FallbackHeaders;

    public static string Model(AiProviderConfig p, string fallback) => p.Model.Length > 0 ? p.Model : fallback;
}
