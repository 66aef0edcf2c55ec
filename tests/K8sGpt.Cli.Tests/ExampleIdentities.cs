using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// Everything in the bundled example that identifies the cluster or its people, read straight from the files
/// (independently of the analyzers, so a value an analyzer forgot to mark is still caught): the name and namespace
/// of every object (kinds no analyzer reads included), every RBAC subject's name and namespace, every e-mail
/// address and the registry host of every image.
/// </summary>
internal static partial class ExampleIdentities
{
    public static IReadOnlySet<string> Read(string folder)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Where(static f => Path.GetExtension(f) is ".yaml" or ".json"))
        {
            var text = File.ReadAllText(file);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            foreach (var document in stream.Documents)
            {
                Collect(document.RootNode, values);
            }

            values.UnionWith(Email().Matches(text).Select(static m => m.Value));
        }

        return values;
    }

    private static void Collect(YamlNode node, HashSet<string> values)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var field = (key as YamlScalarNode)?.Value;
                    if (field is "metadata" or "subjects")
                    {
                        AddNameAndNamespace(value, values);
                    }
                    else if (field == "image" && value is YamlScalarNode { Value: { } image } && RegistryHost(image) is { } host)
                    {
                        values.Add(host);
                    }

                    Collect(value, values);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Collect(child, values);
                }

                break;
        }
    }

    private static void AddNameAndNamespace(YamlNode holder, HashSet<string> values)
    {
        IEnumerable<YamlNode> entries = holder is YamlSequenceNode list ? list.Children : [holder];
        foreach (var entry in entries.OfType<YamlMappingNode>())
        {
            foreach (var field in new[] { "name", "namespace" })
            {
                if (entry.Children.TryGetValue(new YamlScalarNode(field), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text })
                {
                    values.Add(text);
                }
            }
        }
    }

    /// <summary>The registry part of an image reference (<c>registry.example.com</c> in <c>registry.example.com/shop/cart:1.0</c>), or null.</summary>
    private static string? RegistryHost(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var first = image[..slash];
        var host = first.Split(':')[0];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? host : null;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex Email();
}
