using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// Turns one JSON object into the typed KubernetesClient model for its kind, or an <see cref="UnstructuredObject"/>;
/// an object that does not fit its model is a <see cref="MalformedObjectException"/> naming the field.
/// </summary>
internal static class ObjectDecoder
{
    public static IKubernetesObject<V1ObjectMeta> Decode(ResourceType type, JsonObject body)
    {
        if (type.ClrType is null)
        {
            return new UnstructuredObject(body);
        }

        try
        {
            return (IKubernetesObject<V1ObjectMeta>)TypedJson.Read(type.ClrType, body)!;
        }
        catch (TargetInvocationException ex) when (ModelShape.IsMisfit(ex.InnerException))
        {
            var misfit = ex.InnerException!;
            throw new MalformedObjectException(NameOf(type, body), ModelShape.FirstMismatch(type.ClrType, body) ?? Fallback(misfit), misfit);
        }
    }

    /// <summary>The kind with namespace/name when the metadata says them, as a reader looks for it in a file.</summary>
    private static string NameOf(ResourceType type, JsonObject body)
    {
        var metadata = body["metadata"] as JsonObject;
        var name = metadata?["name"] is JsonValue n && n.TryGetValue<string>(out var nameText) ? nameText : "";
        var ns = metadata?["namespace"] is JsonValue s && s.TryGetValue<string>(out var nsText) ? nsText : "";
        return name.Length == 0 ? type.Kind : ns.Length == 0 ? $"{type.Kind} {name}" : $"{type.Kind} {ns}/{name}";
    }

    /// <summary>
    /// Words for a refusal the shape walk did not reproduce: the field path when the deserializer gave one, without
    /// its .NET type names and offsets into JSON text the user never wrote.
    /// </summary>
    private static string Fallback(Exception misfit) =>
        misfit is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal)
            ? $"{path[2..]}: the value does not have the shape this field takes"
            : misfit.Message;
}
