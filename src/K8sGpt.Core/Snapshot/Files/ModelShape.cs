using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// Finds the first field of a JSON object that does not fit a KubernetesClient model, as a path a user can find in
/// their manifest and the shape that was expected: <c>status.conditions: expected a list, found a string</c>.
/// </summary>
/// <remarks>
/// Used after the deserializer refused an object: its own message names .NET types and positions in JSON text we
/// produced ourselves, neither of which helps someone holding a YAML file. Objects, lists and maps are walked here
/// in document order; every other value is checked by the deserializer itself, so "does not fit" means exactly
/// what it means when the whole object is read.
/// </remarks>
internal static partial class ModelShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> s_properties = new();

    /// <summary>The first misfit as <c>path: expected ..., found ...</c>, or null when every field fits.</summary>
    public static string? FirstMismatch(Type model, JsonNode? node) => Walk(model, node, "");

    /// <summary>Whether an exception from the deserializer means the input does not fit (rather than a bug of ours).</summary>
    public static bool IsMisfit(Exception? exception) =>
        exception is JsonException or FormatException or InvalidOperationException or NotSupportedException or OverflowException or ArgumentException;

    public static bool IsModel(Type type) =>
        type.IsClass && type.Namespace == "k8s.Models" && type.GetCustomAttribute<JsonConverterAttribute>() is null;

    public static bool IsMap(Type type, out Type valueType)
    {
        var map = Generic(type, typeof(IDictionary<,>));
        valueType = map?.GetGenericArguments()[1] ?? typeof(object);
        return map is not null;
    }

    public static bool IsList(Type type, out Type elementType)
    {
        var list = type == typeof(string) || type == typeof(byte[]) ? null : Generic(type, typeof(IEnumerable<>));
        elementType = list?.GetGenericArguments()[0] ?? typeof(object);
        return list is not null;
    }

    private static string? Walk(Type type, JsonNode? node, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is null)
        {
            return type.IsValueType ? Misfit(path, type, node) : null;
        }

        if (IsMap(type, out var valueType))
        {
            return node is JsonObject map
                ? map.Select(kv => Walk(valueType, kv.Value, Key(path, kv.Key))).FirstOrDefault(static m => m is not null)
                : Misfit(path, type, node);
        }

        if (IsList(type, out var elementType))
        {
            return node is JsonArray list
                ? list.Select((item, i) => Walk(elementType, item, $"{path}[{i}]")).FirstOrDefault(static m => m is not null)
                : Misfit(path, type, node);
        }

        if (IsModel(type))
        {
            if (node is not JsonObject obj)
            {
                return Misfit(path, type, node);
            }

            // Fields the model does not know are ignored by the deserializer too.
            var properties = s_properties.GetOrAdd(type, PropertiesOf);
            return obj
                .Where(kv => properties.ContainsKey(kv.Key))
                .Select(kv => Walk(properties[kv.Key], kv.Value, Field(path, kv.Key)))
                .FirstOrDefault(static m => m is not null);
        }

        return ReadsAs(type, node) ? null : Misfit(path, type, node);
    }

    private static bool ReadsAs(Type type, JsonNode node)
    {
        try
        {
            TypedJson.Read(type, node);
            return true;
        }
        catch (TargetInvocationException ex) when (IsMisfit(ex.InnerException))
        {
            return false;
        }
    }

    private static string Misfit(string path, Type type, JsonNode? node) =>
        $"{(path.Length == 0 ? "the object" : path)}: expected {ShapeWords.Expected(type)}, found {ShapeWords.Found(node, type)}";

    private static IReadOnlyDictionary<string, Type> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(
                static p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                static p => p.PropertyType,
                StringComparer.Ordinal);

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Key(string path, string key) => PlainKey().IsMatch(key) ? Field(path, key) : $"{path}[\"{key}\"]";

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainKey();
}
