using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>The <c>ai</c> section.</summary>
public sealed record AiConfig
{
    /// <summary><c>ai.defaultprovider</c>, or empty when none is set.</summary>
    public string DefaultProvider { get; init; } = "";

    /// <summary><c>ai.providers[]</c>, looked up by name.</summary>
    public IReadOnlyList<AiProviderConfig> Providers { get; init; } = [];

    public IReadOnlyDictionary<string, YamlNode> Extra { get; init; } = new Dictionary<string, YamlNode>();

    public AiProviderConfig? Find(string name) =>
        Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
