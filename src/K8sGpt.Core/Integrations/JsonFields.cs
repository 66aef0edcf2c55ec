using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sGpt.Core.Integrations;

/// <summary>Null-safe reads of custom-resource JSON, tolerant of wrong shapes (a wrong shape reads as absent).</summary>
internal static class JsonFields
{
    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Str(JsonNode? node, string property) =>
        node is JsonObject obj && obj.TryGetPropertyValue(property, out var value)
            && value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;

    /// <summary>The strings of an array property (anything else skipped), or none.</summary>
    public static IEnumerable<string> Strings(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonArray array
            ? array.OfType<JsonValue>().Where(static v => v.GetValueKind() == JsonValueKind.String).Select(static v => v.GetValue<string>())
            : [];

    /// <summary>A boolean property (true/false, or the strings "true"/"false"), or null.</summary>
    public static bool? Bool(JsonNode? node, string property)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(property, out var value) || value is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The objects of an array node, skipping anything that is not an object.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>A child object, or null.</summary>
    public static JsonObject? Obj(JsonNode? node, string property) =>
        node is JsonObject obj && obj.TryGetPropertyValue(property, out var value) ? value as JsonObject : null;

    /// <summary>The condition of a type in <c>status.conditions</c>, or null.</summary>
    public static JsonObject? Condition(JsonNode? conditions, string type) =>
        Objects(conditions).FirstOrDefault(c => string.Equals(Str(c, "type"), type, StringComparison.Ordinal));
}
