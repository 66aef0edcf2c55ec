using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>One entry of <c>custom_analyzers[]</c>. The port is kept as text: the reference writes it as a number or a string.</summary>
public sealed record CustomAnalyzerConfig(string Name, string Url, string Port)
{
    /// <summary>Keys of the entry this version does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, YamlNode> Extra { get; init; } = new Dictionary<string, YamlNode>();

    /// <summary>Keys of <c>connection</c> this version does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, YamlNode> ConnectionExtra { get; init; } = new Dictionary<string, YamlNode>();
}
