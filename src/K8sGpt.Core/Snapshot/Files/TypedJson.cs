using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using k8s;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// Reads a JSON node into a type known only at run time, with KubernetesClient's own settings (its converters for
/// timestamps, quantities and int-or-string). A refusal surfaces as a <see cref="TargetInvocationException"/>.
/// </summary>
internal static class TypedJson
{
    private static readonly MethodInfo s_deserialize = typeof(KubernetesJson)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(static m => m.Name == nameof(KubernetesJson.Deserialize)
            && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(JsonNode));

    private static readonly ConcurrentDictionary<Type, Func<JsonNode, object?>> s_readers = new();

    public static object? Read(Type type, JsonNode node) =>
        s_readers.GetOrAdd(type, static t =>
        {
            var method = s_deserialize.MakeGenericMethod(t);
            return n => method.Invoke(null, [n, null]);
        })(node);
}
