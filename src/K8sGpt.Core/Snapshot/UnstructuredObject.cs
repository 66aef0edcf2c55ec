using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot;

/// <summary>
/// A Kubernetes object without a typed model (custom resources): metadata typed, everything else as JSON.
/// </summary>
public sealed class UnstructuredObject : IKubernetesObject<V1ObjectMeta>
{
    public UnstructuredObject(JsonObject body)
    {
        Body = body;
        ApiVersion = body["apiVersion"]?.GetValue<string>() ?? "";
        Kind = body["kind"]?.GetValue<string>() ?? "";
        Metadata = body["metadata"] is JsonObject meta
            ? KubernetesJson.Deserialize<V1ObjectMeta>(meta.ToJsonString())
            : new V1ObjectMeta();
    }

    public string ApiVersion { get; set; }

    public string Kind { get; set; }

    public V1ObjectMeta Metadata { get; set; }

    /// <summary>The whole object as read.</summary>
    public JsonObject Body { get; }

    /// <summary>Reads a string at a dotted path (<c>spec.source.image.ref</c>), or null when absent or not a string.</summary>
    public string? GetString(string path) =>
        Navigate(path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Reads the node at a dotted path, or null when any step is missing.</summary>
    public JsonNode? Navigate(string path)
    {
        JsonNode? node = Body;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }
}
