using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>
/// Maps <c>k8sgpt.yaml</c> to <see cref="K8sGptConfig"/> and back. Keys are matched case-insensitively (the
/// reference tool's config library lower-cases them); unknown keys are carried through untouched.
/// </summary>
internal static class ConfigYaml
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
            Cache = map.TryGetValue("cache", out var cache) ? ReadCache(Mapping(cache, "cache", file)) : new CacheConfig(),
            CustomAnalyzers = map.TryGetValue("custom_analyzers", out var custom) ? ReadCustomAnalyzers(custom, file) : [],
            Extra = Rest(root, "ai", "active_filters", "cache", "custom_analyzers"),
        };
    }

    public static YamlMappingNode Write(K8sGptConfig config)
    {
        var root = new YamlMappingNode();
        var ai = new YamlMappingNode();
        if (config.Ai.DefaultProvider.Length > 0)
        {
            ai.Add("defaultprovider", config.Ai.DefaultProvider);
        }

        ai.Add("providers", new YamlSequenceNode(config.Ai.Providers.Select(WriteProvider)));
        AddRest(ai, config.Ai.Extra);
        root.Add("ai", ai);
        root.Add("active_filters", new YamlSequenceNode(config.ActiveFilters.Select(static f => new YamlScalarNode(f))));

        var cache = new YamlMappingNode { { "currentCacheType", Quoted(config.Cache.CurrentCacheType) } };
        AddRest(cache, config.Cache.Settings);
        root.Add("cache", cache);

        root.Add("custom_analyzers", new YamlSequenceNode(config.CustomAnalyzers.Select(static c =>
        {
            var node = new YamlMappingNode
            {
                { "name", c.Name },
                { "connection", new YamlMappingNode { { "url", c.Url }, { "port", c.Port } } },
            };
            AddRest(node, c.Extra);
            return (YamlNode)node;
        })));
        AddRest(root, config.Extra);
        return root;
    }

    private static AiConfig ReadAi(YamlMappingNode ai, string file)
    {
        var map = Index(ai);
        var providers = new List<AiProviderConfig>();
        if (map.TryGetValue("providers", out var list) && list is YamlSequenceNode seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
            {
                providers.Add(ReadProvider(Mapping(seq.Children[i], $"ai.providers[{i}]", file), $"ai.providers[{i}]", file));
            }
        }
        else if (map.TryGetValue("providers", out var other) && !IsNull(other))
        {
            throw Invalid(other, "ai.providers", "a list", file);
        }

        return new AiConfig
        {
            DefaultProvider = Scalar(map, "defaultprovider"),
            Providers = providers,
            Extra = Rest(ai, "defaultprovider", "providers"),
        };
    }

    private static AiProviderConfig ReadProvider(YamlMappingNode node, string path, string file)
    {
        var map = Index(node);
        return new AiProviderConfig
        {
            Name = Scalar(map, "name"),
            Model = Scalar(map, "model"),
            Password = Scalar(map, "password"),
            BaseUrl = Scalar(map, "baseurl"),
            ProxyEndpoint = Scalar(map, "proxyendpoint"),
            ProxyPort = Scalar(map, "proxyport"),
            EndpointName = Scalar(map, "endpointname"),
            Engine = Scalar(map, "engine"),
            Temperature = Number(map, "temperature", path, file),
            ProviderRegion = Scalar(map, "providerregion"),
            ProviderId = Scalar(map, "providerid"),
            CompartmentId = Scalar(map, "compartmentid"),
            TopP = Number(map, "topp", path, file),
            TopK = (int?)Number(map, "topk", path, file),
            MaxTokens = (int?)Number(map, "maxtokens", path, file),
            StopSequences = map.TryGetValue("stopsequences", out var stops) ? Strings(stops, $"{path}.stopsequences", file) : [],
            OrganizationId = Scalar(map, "organizationid"),
            AzureApiType = Scalar(map, "azureapitype"),
            AzureApiVersion = Scalar(map, "azureapiversion"),
            CustomHeaders = map.TryGetValue("customheaders", out var headers) ? ReadHeaders(headers) : [],
            Extra = Rest(node, s_providerKeys),
        };
    }

    private static YamlNode WriteProvider(AiProviderConfig p)
    {
        var node = new YamlMappingNode { { "name", p.Name }, { "model", Quoted(p.Model) } };
        AddIfSet(node, "password", p.Password);
        AddIfSet(node, "baseurl", p.BaseUrl);
        AddIfSet(node, "proxyEndpoint", p.ProxyEndpoint);
        AddIfSet(node, "proxyPort", p.ProxyPort);
        AddIfSet(node, "endpointname", p.EndpointName);
        AddIfSet(node, "engine", p.Engine);
        AddIfSet(node, "temperature", p.Temperature);
        AddIfSet(node, "providerregion", p.ProviderRegion);
        AddIfSet(node, "providerid", p.ProviderId);
        AddIfSet(node, "compartmentid", p.CompartmentId);
        AddIfSet(node, "topp", p.TopP);
        AddIfSet(node, "topk", p.TopK);
        AddIfSet(node, "maxtokens", p.MaxTokens);
        if (p.StopSequences.Count > 0)
        {
            node.Add("stopsequences", new YamlSequenceNode(p.StopSequences.Select(static s => Quoted(s))));
        }

        AddIfSet(node, "organizationid", p.OrganizationId);
        AddIfSet(node, "azureapitype", p.AzureApiType);
        AddIfSet(node, "azureapiversion", p.AzureApiVersion);
        node.Add("customheaders", new YamlSequenceNode(p.CustomHeaders.Select(static h => (YamlNode)new YamlMappingNode
        {
            { h.Key, new YamlSequenceNode(h.Value.Select(static v => Quoted(v))) },
        })));
        AddRest(node, p.Extra);
        return node;
    }

    private static CacheConfig ReadCache(YamlMappingNode node) => new()
    {
        CurrentCacheType = Scalar(Index(node), "currentcachetype"),
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
            var entry = Index(Mapping(seq.Children[i], $"custom_analyzers[{i}]", file));
            var connection = entry.TryGetValue("connection", out var c) ? Index(Mapping(c, $"custom_analyzers[{i}].connection", file)) : [];
            result.Add(new CustomAnalyzerConfig(Scalar(entry, "name"), Scalar(connection, "url"), Scalar(connection, "port"))
            {
                Extra = Rest((YamlMappingNode)seq.Children[i], "name", "connection"),
            });
        }

        return result;
    }

    private static List<KeyValuePair<string, IReadOnlyList<string>>> ReadHeaders(YamlNode node)
    {
        var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        var maps = node switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlMappingNode>(),
            YamlMappingNode map => [map],
            _ => [],
        };
        foreach (var map in maps)
        {
            foreach (var (key, value) in map.Children)
            {
                var values = value switch
                {
                    YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(static s => s.Value ?? "").ToArray(),
                    YamlScalarNode scalar => [scalar.Value ?? ""],
                    _ => [],
                };
                result.Add(new(((YamlScalarNode)key).Value ?? "", values));
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

    private static void AddRest(YamlMappingNode node, IReadOnlyDictionary<string, YamlNode> rest)
    {
        foreach (var (key, value) in rest)
        {
            node.Add(key, value);
        }
    }

    private static YamlMappingNode Mapping(YamlNode node, string path, string file) =>
        node as YamlMappingNode ?? (IsNull(node) ? new YamlMappingNode() : throw Invalid(node, path, "a mapping", file));

    private static List<string> Strings(YamlNode node, string path, string file) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? "" : throw Invalid(c, path, "a list of strings", file))
            .Where(static s => s.Length > 0).ToList(),
        _ when IsNull(node) => [],
        _ => throw Invalid(node, path, "a list", file),
    };

    private static string Scalar(Dictionary<string, YamlNode> map, string key) =>
        map.TryGetValue(key, out var node) && node is YamlScalarNode scalar && !IsNull(node) ? scalar.Value ?? "" : "";

    private static double? Number(Dictionary<string, YamlNode> map, string key, string path, string file)
    {
        var text = Scalar(map, key);
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(map[key], $"{path}.{key}", "a number", file);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static ConfigException Invalid(YamlNode node, string path, string expected, string file) =>
        new($"config file {file}, line {node.Start.Line}: {path} must be {expected}");

    private static YamlScalarNode Quoted(string value) =>
        new(value) { Style = value.Length == 0 || NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    private static bool NeedsQuotes(string value) =>
        char.IsAsciiDigit(value[0])
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value is "true" or "false" or "null" or "~" or "yes" or "no";

    private static void AddIfSet(YamlMappingNode node, string key, string value)
    {
        if (value.Length > 0)
        {
            node.Add(key, Quoted(value));
        }
    }

    private static void AddIfSet(YamlMappingNode node, string key, double? value)
    {
        if (value is { } v)
        {
            node.Add(key, new YamlScalarNode(v.ToString("R", CultureInfo.InvariantCulture)));
        }
    }
}
