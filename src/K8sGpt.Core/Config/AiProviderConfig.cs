using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>One entry of <c>ai.providers[]</c>, every field the reference tool knows.</summary>
public sealed record AiProviderConfig
{
    public required string Name { get; init; }

    public string Model { get; init; } = "";

    /// <summary>API key or token. Never printed or logged.</summary>
    public string Password { get; init; } = "";

    public string BaseUrl { get; init; } = "";

    public string ProxyEndpoint { get; init; } = "";

    public string ProxyPort { get; init; } = "";

    public string EndpointName { get; init; } = "";

    /// <summary>Azure OpenAI deployment name.</summary>
    public string Engine { get; init; } = "";

    public double? Temperature { get; init; }

    public string ProviderRegion { get; init; } = "";

    public string ProviderId { get; init; } = "";

    public string CompartmentId { get; init; } = "";

    public double? TopP { get; init; }

    public int? TopK { get; init; }

    public int? MaxTokens { get; init; }

    public IReadOnlyList<string> StopSequences { get; init; } = [];

    public string OrganizationId { get; init; } = "";

    /// <summary><c>AZURE</c>, <c>AZURE_AD</c> or <c>CLOUDFLARE_AZURE</c>.</summary>
    public string AzureApiType { get; init; } = "";

    public string AzureApiVersion { get; init; } = "";

    /// <summary>Extra HTTP headers: header name → values.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> CustomHeaders { get; init; } = [];

    public IReadOnlyDictionary<string, YamlNode> Extra { get; init; } = new Dictionary<string, YamlNode>();

    /// <summary>The provider without its secret, for display and diagnostics.</summary>
    public override string ToString() => $"{Name} (model {Model}, key {(Password.Length > 0 ? "set" : "not set")})";
}
