using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sGpt.Core.Analyzers;

/// <summary>Null-safe reads of custom-resource JSON: a missing or mistyped field is empty, never an exception.</summary>
internal static class Json
{
    /// <summary>The string at <paramref name="key"/>, or empty.</summary>
    public static string Str(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : "";

    /// <summary>The strings of the array at <paramref name="key"/> (non-strings skipped), or none.</summary>
    public static IReadOnlyList<string> Strs(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonArray array
            ? [.. array.OfType<JsonValue>().Where(static v => v.GetValueKind() == JsonValueKind.String).Select(static v => v.GetValue<string>())]
            : [];

    /// <summary>The integer at <paramref name="key"/>, or null.</summary>
    public static long? Int(JsonNode? node, string key)
    {
        if (node is not JsonObject obj || obj[key] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return value.TryGetValue<long>(out var l) ? l
            : value.TryGetValue<int>(out var i) ? i
            : value.TryGetValue<double>(out var d) ? (long)d
            : value.TryGetValue<decimal>(out var m) ? (long)m
            : null;
    }

    /// <summary>The object at <paramref name="key"/>, or null.</summary>
    public static JsonObject? Obj(JsonNode? node, string key) => node is JsonObject obj ? obj[key] as JsonObject : null;

    /// <summary>The objects of the array at <paramref name="key"/> (non-objects skipped), or none.</summary>
    public static IReadOnlyList<JsonObject> Objects(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    /// <summary>The node at a dotted path, or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The <c>conditions</c> array of a status (or any object holding one), in the order written.</summary>
    public static IReadOnlyList<JsonCondition> Conditions(JsonNode? holder) =>
        [.. Objects(holder, "conditions").Select(static c => new JsonCondition(
            Str(c, "type"),
            Str(c, "status"),
            Str(c, "reason"),
            Str(c, "message"),
            DateTimeOffset.TryParse(Str(c, "lastTransitionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null))];

    /// <summary>The condition of a type (looked up by type, never by position), or null.</summary>
    public static JsonCondition? Condition(JsonNode? holder, string type) =>
        Conditions(holder).FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal));
}
