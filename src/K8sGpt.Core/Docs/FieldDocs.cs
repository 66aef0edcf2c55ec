using System.Text.Json.Nodes;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Docs;

/// <summary>
/// Field descriptions from the cluster's OpenAPI v2 document, reduced to what <c>--with-doc</c> needs: per
/// definition its properties' descriptions and references, and which definition describes each resource kind.
/// </summary>
public sealed class FieldDocs(IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldDoc>> definitions)
{
    /// <summary>Definition name → property name → description and reference.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldDoc>> Definitions { get; } = definitions;

    /// <summary>
    /// The definition of a resource type: the one whose name ends with
    /// <c>&lt;first segment of group&gt;.&lt;version&gt;.&lt;Kind&gt;</c> (<c>.v1.Pod</c> for the core group), or null.
    /// </summary>
    public string? DefinitionOf(ResourceType type)
    {
        var group = type.Group.Split('.')[0];
        var suffix = group.Length == 0 ? $".{type.Version}.{type.Kind}" : $".{group}.{type.Version}.{type.Kind}";
        return Definitions.Keys
            .Where(name => name.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>
    /// The description of the field at the dotted <paramref name="path"/> of <paramref name="type"/>, walking
    /// property references (array items too); a string-typed segment before the end gives its own description.
    /// Missing pieces give an empty text.
    /// </summary>
    public string Describe(ResourceType type, string path)
    {
        var definition = DefinitionOf(type);
        if (definition is null || path.Length == 0)
        {
            return "";
        }

        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!Definitions.TryGetValue(definition, out var properties) || !properties.TryGetValue(segments[i], out var field))
            {
                return "";
            }

            if (i == segments.Length - 1 || field.Type == "string")
            {
                return field.Description;
            }

            if (field.Ref.Length == 0)
            {
                return "";
            }

            definition = field.Ref;
        }

        return "";
    }

    /// <summary>Only the definitions of <paramref name="types"/> and those they reference, directly or not.</summary>
    public FieldDocs Subset(IEnumerable<ResourceType> types)
    {
        var kept = new Dictionary<string, IReadOnlyDictionary<string, FieldDoc>>(StringComparer.Ordinal);
        var pending = new Stack<string>(types.Select(DefinitionOf).OfType<string>());
        while (pending.TryPop(out var name))
        {
            if (kept.ContainsKey(name) || !Definitions.TryGetValue(name, out var properties))
            {
                continue;
            }

            kept[name] = properties;
            foreach (var field in properties.Values.Where(static f => f.Ref.Length > 0))
            {
                pending.Push(field.Ref);
            }
        }

        return new FieldDocs(kept);
    }

    /// <summary>The JSON form saved in a snapshot header.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, properties) in Definitions.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
        {
            var props = new JsonObject();
            foreach (var (property, field) in properties.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
            {
                var entry = new JsonObject { ["description"] = field.Description };
                if (field.Ref.Length > 0)
                {
                    entry["ref"] = field.Ref;
                }

                if (field.Type.Length > 0)
                {
                    entry["type"] = field.Type;
                }

                props[property] = entry;
            }

            json[name] = props;
        }

        return json;
    }

    /// <summary>Reads the form written by <see cref="ToJson"/>.</summary>
    public static FieldDocs FromJson(JsonObject json) =>
        new(json
            .Where(static kv => kv.Value is JsonObject)
            .ToDictionary(
                static kv => kv.Key,
                static kv => (IReadOnlyDictionary<string, FieldDoc>)kv.Value!.AsObject()
                    .Where(static p => p.Value is JsonObject)
                    .ToDictionary(
                        static p => p.Key,
                        static p => new FieldDoc(Text(p.Value!["description"]), Text(p.Value!["ref"]), Text(p.Value!["type"])),
                        StringComparer.Ordinal),
                StringComparer.Ordinal));

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
