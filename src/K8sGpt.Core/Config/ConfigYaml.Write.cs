using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>Writing: every string that a YAML reader could mistype is quoted; unknown keys are appended as read.</summary>
internal static partial class ConfigYaml
{
    private static readonly HashSet<string> s_ambiguousWords = new(
        ["true", "false", "yes", "no", "y", "n", "on", "off", "null", "~", ".inf", ".nan"], StringComparer.OrdinalIgnoreCase);

    public static YamlMappingNode Write(K8sGptConfig config)
    {
        var root = new YamlMappingNode();
        var ai = new YamlMappingNode();
        if (config.Ai.DefaultProvider.Length > 0)
        {
            ai.Add("defaultprovider", Quoted(config.Ai.DefaultProvider));
        }

        ai.Add("providers", new YamlSequenceNode(config.Ai.Providers.Select(WriteProvider)));
        AddRest(ai, config.Ai.Extra);
        root.Add("ai", ai);
        root.Add("active_filters", new YamlSequenceNode(config.ActiveFilters.Select(static f => Quoted(f))));

        var cache = new YamlMappingNode { { "currentCacheType", Quoted(config.Cache.CurrentCacheType) } };
        AddRest(cache, config.Cache.Settings);
        root.Add("cache", cache);

        root.Add("custom_analyzers", new YamlSequenceNode(config.CustomAnalyzers.Select(static c =>
        {
            var node = new YamlMappingNode
            {
                { "name", Quoted(c.Name) },
                { "connection", WriteConnection(c) },
            };
            AddRest(node, c.Extra);
            return (YamlNode)node;
        })));
        AddRest(root, config.Extra);
        return root;
    }

    private static YamlNode WriteProvider(AiProviderConfig p)
    {
        var node = new YamlMappingNode { { "name", Quoted(p.Name) }, { "model", Quoted(p.Model) } };
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
            { Quoted(h.Key), new YamlSequenceNode(h.Value.Select(static v => Quoted(v))) },
        })));
        AddRest(node, p.Extra);
        return node;
    }

    private static void AddRest(YamlMappingNode node, IReadOnlyDictionary<string, YamlNode> rest)
    {
        foreach (var (key, value) in rest)
        {
            node.Add(key, value);
        }
    }

    private static YamlMappingNode WriteConnection(CustomAnalyzerConfig c)
    {
        var port = int.TryParse(c.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new YamlScalarNode(number.ToString(CultureInfo.InvariantCulture))
            : Quoted(c.Port);
        var node = new YamlMappingNode { { "url", Quoted(c.Url) }, { "port", port } };
        AddRest(node, c.ConnectionExtra);
        return node;
    }

    private static YamlScalarNode Quoted(string value) =>
        new(value) { Style = value.Length == 0 || NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    /// <summary>
    /// Plain scalars that a YAML 1.1 or 1.2 reader (the reference tool's, or a user's editor) would resolve to a
    /// number, date, boolean or null. The emitter already quotes what cannot be plain (leading spaces, ": ", "#").
    /// </summary>
    private static bool NeedsQuotes(string value) =>
        char.IsAsciiDigit(value[0])
        || value[0] is '.' or '+' or '-' or '~'
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || s_ambiguousWords.Contains(value);

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
