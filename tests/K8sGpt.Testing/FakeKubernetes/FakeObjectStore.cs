using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>The fake cluster's objects by resource type, kept as JSON, ordered by namespace and name.</summary>
public sealed class FakeObjectStore
{
    private readonly Dictionary<ResourceType, SortedDictionary<(string Ns, string Name), JsonObject>> _objects = [];
    private readonly Lock _gate = new();

    public void Add(ResourceType type, JsonObject obj)
    {
        var ns = obj["metadata"]?["namespace"]?.GetValue<string>() ?? "";
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("object has no metadata.name", nameof(obj));
        lock (_gate)
        {
            if (!_objects.TryGetValue(type, out var list))
            {
                _objects[type] = list = [];
            }

            list[(ns, name)] = obj;
        }
    }

    public void Add(ResourceType type, IKubernetesObject<V1ObjectMeta> obj) =>
        Add(type, obj is UnstructuredObject u
            ? (JsonObject)u.Body.DeepClone()
            : JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject());

    /// <summary>Adds every object of a snapshot.</summary>
    public void AddSnapshot(ClusterSnapshot snapshot)
    {
        foreach (var type in KnownResources.All)
        {
            foreach (var obj in snapshot.Objects(type))
            {
                Add(type, obj);
            }
        }
    }

    /// <summary>Adds objects from YAML or JSON text (any form the snapshot reader accepts).</summary>
    public void AddYaml(string text) => AddSnapshot(SnapshotReader.ReadText(text, ScanScope.Everything, "fake.yaml"));

    public JsonObject? Get(ResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(type, out var list) && list.TryGetValue((ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
        }
    }

    /// <summary>Objects of a type, optionally in one namespace, matching a label selector and simple field selectors.</summary>
    public IReadOnlyList<JsonObject> List(ResourceType type, string? ns, LabelSelector labels, IReadOnlyList<(string Field, string Value, bool Equal)> fields)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(type, out var list))
            {
                return [];
            }

            return list.Values
                .Where(o => ns is null || Field(o, "metadata.namespace") == ns)
                .Where(o => labels.Matches(Labels(o)))
                .Where(o => fields.All(f => (Field(o, f.Field) == f.Value) == f.Equal))
                .Select(static o => (JsonObject)o.DeepClone())
                .ToArray();
        }
    }

    private static string Field(JsonObject obj, string path) => path switch
    {
        "metadata.name" => obj["metadata"]?["name"]?.GetValue<string>() ?? "",
        "metadata.namespace" => obj["metadata"]?["namespace"]?.GetValue<string>() ?? "",
        _ => throw new NotSupportedException($"field selector {path} is not supported by the fake"),
    };

    private static Dictionary<string, string> Labels(JsonObject obj) =>
        (obj["metadata"]?["labels"] as JsonObject ?? [])
            .ToDictionary(static kv => kv.Key, static kv => kv.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
}
