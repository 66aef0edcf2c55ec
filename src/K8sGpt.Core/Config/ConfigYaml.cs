using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>
/// Maps <c>k8sgpt.yaml</c> to <see cref="K8sGptConfig"/> and back. Keys are matched case-insensitively (the
/// reference tool's config library lower-cases them); unknown keys are carried through untouched.
/// </summary>
internal static partial class ConfigYaml
{
    private static readonly string[] s_providerKeys =
    [
        "name", "model", "password", "baseurl", "proxyendpoint", "proxyport", "endpointname", "engine", "temperature",
        "providerregion", "providerid", "compartmentid", "topp", "topk", "maxtokens", "stopsequences", "organizationid",
        "azureapitype", "azureapiversion", "customheaders",
    ];

    public static K8sGptConfig Read(YamlMappingNode root, string file)
    {
        var map = Index(root);
        return new K8sGptConfig
        {
            Ai = map.TryGetValue("ai", out var ai) ? ReadAi(Mapping(ai, "ai", file), file) : new AiConfig(),
            ActiveFilters = map.TryGetValue("active_filters", out var filters) ? Strings(filters, "active_filters", file) : [],
            Cache = map.TryGetValue("cache", out var cache) ? ReadCache(Mapping(cache, "cache", file), file) : new CacheConfig(),
            CustomAnalyzers = map.TryGetValue("custom_analyzers", out var custom) ? ReadCustomAnalyzers(custom, file) : [],
            Extra = Rest(root, "ai", "active_filters", "cache", "custom_analyzers"),
        };
    }

    private static AiConfig ReadAi(YamlMappingNode ai, string file)
    {
        var map = Index(ai);
        var providers = new List<AiProviderConfig>();
        if (map.TryGetValue("providers", out var list) && list is YamlSequenceNode seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
            {
                providers.Add(ReadProvider(Entry(seq.Children[i], $"ai.providers[{i}]", file), $"ai.providers[{i}]", file));
            }
        }
        else if (map.TryGetValue("providers", out var other) && !IsNull(other))
        {
            throw Invalid(other, "ai.providers", "a list", file);
        }

        return new AiConfig
        {
            DefaultProvider = Scalar(map, "defaultprovider", "ai", file),
            Providers = providers,
            Extra = Rest(ai, "defaultprovider", "providers"),
        };
    }

    private static AiProviderConfig ReadProvider(YamlMappingNode node, string path, string file)
    {
        var map = Index(node);
        return new AiProviderConfig
        {
            Name = Scalar(map, "name", path, file),
            Model = Scalar(map, "model", path, file),
            Password = Scalar(map, "password", path, file),
            BaseUrl = Scalar(map, "baseurl", path, file),
            ProxyEndpoint = Scalar(map, "proxyendpoint", path, file),
            ProxyPort = Scalar(map, "proxyport", path, file),
            EndpointName = Scalar(map, "endpointname", path, file),
            Engine = Scalar(map, "engine", path, file),
            Temperature = Number(map, "temperature", path, file),
            ProviderRegion = Scalar(map, "providerregion", path, file),
            ProviderId = Scalar(map, "providerid", path, file),
            CompartmentId = Scalar(map, "compartmentid", path, file),
            TopP = Number(map, "topp", path, file),
            TopK = Integer(map, "topk", path, file),
            MaxTokens = Integer(map, "maxtokens", path, file),
            StopSequences = map.TryGetValue("stopsequences", out var stops) ? Strings(stops, $"{path}.stopsequences", file) : [],
            OrganizationId = Scalar(map, "organizationid", path, file),
            AzureApiType = Scalar(map, "azureapitype", path, file),
            AzureApiVersion = Scalar(map, "azureapiversion", path, file),
            CustomHeaders = map.TryGetValue("customheaders", out var headers) ? ReadHeaders(headers, $"{path}.customheaders", file) : [],
            Extra = Rest(node, s_providerKeys),
        };
    }

    private static CacheConfig ReadCache(YamlMappingNode node, string file) => new()
    {
        CurrentCacheType = Scalar(Index(node), "currentcachetype", "cache", file),
        Settings = Rest(node, "currentcachetype"),
    };

    private static List<CustomAnalyzerConfig> ReadCustomAnalyzers(YamlNode node, string file)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Invalid(node, "custom_analyzers", "a list", file);
        }

        var result = new List<CustomAnalyzerConfig>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"custom_analyzers[{i}]";
            var item = Entry(seq.Children[i], path, file);
            var entry = Index(item);
            var connectionNode = entry.TryGetValue("connection", out var c) ? Mapping(c, $"{path}.connection", file) : new YamlMappingNode();
            var connection = Index(connectionNode);
            var connectionPath = $"{path}.connection";
            result.Add(new CustomAnalyzerConfig(Scalar(entry, "name", path, file), Scalar(connection, "url", connectionPath, file), Scalar(connection, "port", connectionPath, file))
            {
                Extra = Rest(item, "name", "connection"),
                ConnectionExtra = Rest(connectionNode, "url", "port"),
            });
        }

        return result;
    }

    private static List<KeyValuePair<string, IReadOnlyList<string>>> ReadHeaders(YamlNode node, string path, string file)
    {
        var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        IEnumerable<YamlNode> maps = node switch
        {
            YamlSequenceNode seq => seq.Children,
            YamlMappingNode map => [map],
            _ when IsNull(node) => [],
            _ => throw Invalid(node, path, "a list of header: [values] mappings", file),
        };
        foreach (var map in maps)
        {
            if (map is not YamlMappingNode mapping)
            {
                throw Invalid(map, path, "a list of header: [values] mappings", file);
            }

            foreach (var (key, value) in mapping.Children)
            {
                var name = key is YamlScalarNode { Value: { Length: > 0 } k } ? k : throw Invalid(key, path, "keyed by header names", file);
                string[] values = value switch
                {
                    YamlSequenceNode seq => seq.Children.Select(v => v is YamlScalarNode s ? s.Value ?? "" : throw Invalid(v, $"{path}.{name}", "a list of strings", file)).ToArray(),
                    YamlScalarNode scalar when IsNull(scalar) => [],
                    YamlScalarNode scalar => [scalar.Value ?? ""],
                    _ => throw Invalid(value, $"{path}.{name}", "a list of strings", file),
                };
                result.Add(new(name, values));
            }
        }

        return result;
    }

    private static Dictionary<string, YamlNode> Index(YamlMappingNode node)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static Dictionary<string, YamlNode> Rest(YamlMappingNode node, params string[] known)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static YamlMappingNode Mapping(YamlNode node, string path, string file) =>
        node as YamlMappingNode ?? (IsNull(node) ? new YamlMappingNode() : throw Invalid(node, path, "a mapping", file));

    /// <summary>A list entry must be a mapping: an empty entry has no name and would be written back as garbage.</summary>
    private static YamlMappingNode Entry(YamlNode node, string path, string file) =>
        node as YamlMappingNode ?? throw Invalid(node, path, "a mapping", file);

    private static List<string> Strings(YamlNode node, string path, string file) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? "" : throw Invalid(c, path, "a list of strings", file))
            .Where(static s => s.Length > 0).ToList(),
        _ when IsNull(node) => [],
        _ => throw Invalid(node, path, "a list", file),
    };

    private static string Scalar(Dictionary<string, YamlNode> map, string key, string path, string file)
    {
        if (!map.TryGetValue(key, out var node) || IsNull(node))
        {
            return "";
        }

        // A known key holding a list or mapping cannot be represented; dropping it silently would lose it on the next write.
        return node is YamlScalarNode scalar ? scalar.Value ?? "" : throw Invalid(node, $"{path}.{key}", "a text value", file);
    }

    private static int? Integer(Dictionary<string, YamlNode> map, string key, string path, string file)
    {
        var text = Scalar(map, key, path, file);
        if (text.Length == 0)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(map[key], $"{path}.{key}", "a whole number", file);
    }

    private static double? Number(Dictionary<string, YamlNode> map, string key, string path, string file)
    {
        var text = Scalar(map, key, path, file);
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(map[key], $"{path}.{key}", "a number", file);
    }

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static ConfigException Invalid(YamlNode node, string path, string expected, string file) =>
        new($"config file {file}, line {node.Start.Line}: {path} must be {expected}");
}
