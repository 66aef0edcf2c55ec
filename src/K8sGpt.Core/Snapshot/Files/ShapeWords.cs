using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// Names JSON values and the shapes typed models expect in the words of a YAML/kubectl user ("a list", "a map",
/// "a timestamp"), never as .NET type names.
/// </summary>
internal static class ShapeWords
{
    private const int MaxQuoted = 40;

    /// <summary>What a value of this model type looks like in a manifest.</summary>
    public static string Expected(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a timestamp (RFC 3339, such as 2026-01-02T15:04:05Z)",
        _ when type == typeof(TimeSpan) => "a duration",
        _ when type == typeof(ResourceQuantity) => "a quantity (such as 500m or 1Gi)",
        _ when type == typeof(IntOrString) => "a number or a string",
        _ when type == typeof(byte[]) => "base64-encoded text",
        _ when ModelShape.IsMap(type, out _) => "a map",
        _ when ModelShape.IsList(type, out _) => "a list",
        _ when ModelShape.IsModel(type) => "an object",
        _ => "a value of another shape",
    };

    /// <summary>
    /// What was found instead. A value of the expected JSON kind but the wrong form (a timestamp that does not
    /// parse, a fraction for a whole number) is quoted, since "expected a timestamp, found a string" would not help.
    /// </summary>
    public static string Found(JsonNode? node, Type expected) => node?.GetValueKind() switch
    {
        JsonValueKind.String when TakesString(expected) => Quote(node.GetValue<string>()),
        JsonValueKind.Number when TakesNumber(expected) => node.ToJsonString(),
        _ => Noun(node),
    };

    /// <summary>A JSON value's kind with its article: "a string", "a list", "an object", "null".</summary>
    public static string Noun(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "an unreadable value",
    };

    private static bool TakesString(Type type) =>
        type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(ResourceQuantity) || type == typeof(IntOrString) || type == typeof(byte[]);

    private static bool TakesNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(IntOrString);

    private static string Quote(string text) => $"\"{(text.Length <= MaxQuoted ? text : text[..MaxQuoted] + "...")}\"";
}
