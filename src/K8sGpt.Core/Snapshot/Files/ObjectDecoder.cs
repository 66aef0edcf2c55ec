using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>Turns one JSON object into the typed KubernetesClient model for its kind, or an <see cref="UnstructuredObject"/>.</summary>
internal static class ObjectDecoder
{
    private static readonly MethodInfo s_deserialize = typeof(KubernetesJson)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(static m => m.Name == nameof(KubernetesJson.Deserialize)
            && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(JsonNode));

    private static readonly ConcurrentDictionary<Type, Func<JsonNode, IKubernetesObject<V1ObjectMeta>>> s_decoders = new();

    public static IKubernetesObject<V1ObjectMeta> Decode(ResourceType type, JsonObject body)
    {
        if (type.ClrType is null)
        {
            return new UnstructuredObject(body);
        }

        var decoder = s_decoders.GetOrAdd(type.ClrType, static clr =>
        {
            var method = s_deserialize.MakeGenericMethod(clr);
            return node => (IKubernetesObject<V1ObjectMeta>)method.Invoke(null, [node, null])!;
        });
        try
        {
            return decoder(body);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is JsonException or FormatException or InvalidOperationException)
        {
            throw new JsonException(ex.InnerException.Message, ex.InnerException);
        }
    }
}
