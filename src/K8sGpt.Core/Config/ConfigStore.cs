using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>
/// Reads the config file. (Writes — atomic, serialized, keeping unknown keys — are added with the commands that change settings.)
/// </summary>
public sealed class ConfigStore(string path)
{
    public string Path { get; } = path;

    /// <summary>Loads the file; a missing file is an empty config, a malformed one an error naming file and line.</summary>
    public K8sGptConfig Load()
    {
        if (!File.Exists(Path))
        {
            return K8sGptConfig.Empty;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(Path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ConfigException($"config file {Path} is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new ConfigException($"cannot read config file {Path}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return K8sGptConfig.Empty;
        }

        var filters = root.Children.TryGetValue(new YamlScalarNode("active_filters"), out var node) && node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(static s => s.Value ?? "").Where(static s => s.Length > 0).ToArray()
            : [];
        return new K8sGptConfig { ActiveFilters = filters };
    }
}
