using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// Reads a snapshot from a file or a folder of JSON/YAML: <c>List</c> objects (what <c>kubectl get -o json|yaml</c>
/// prints), multi-document YAML, single objects, and files written by <c>k8sgpt dump</c>. Kinds no analyzer reads
/// are counted and ignored; a malformed document is an error naming the file and the document's position.
/// </summary>
public static class SnapshotReader
{
    private static readonly string[] s_extensions = [".yaml", ".yml", ".json"];

    public static async Task<ClusterSnapshot> ReadAsync(string path, ScanScope scope, CancellationToken cancellationToken)
    {
        var files = ListFiles(path);
        var collected = new Collected();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SnapshotReadException($"cannot read snapshot file {file}: {ex.Message}", ex);
            }

            ReadInto(collected, text, file);
        }

        return collected.Build(scope, path, requireObjects: true);
    }

    /// <summary>Reads snapshot text already in memory (JSON or YAML, detected from the content).</summary>
    public static ClusterSnapshot ReadText(string text, ScanScope scope, string sourceName = "<text>")
    {
        var collected = new Collected();
        ReadInto(collected, text, sourceName);
        return collected.Build(scope, sourceName);
    }

    private static IReadOnlyList<string> ListFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(static f => s_extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Where(static f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToArray();
            return files.Length > 0
                ? files
                : throw new SnapshotReadException($"snapshot folder {path} contains no .yaml, .yml or .json files");
        }

        throw new SnapshotReadException($"snapshot path {path} does not exist");
    }

    private static void ReadInto(Collected collected, string text, string file)
    {
        foreach (var (index, line, node) in ReadDocuments(text, file))
        {
            var where = $"{file}: document {index} (line {line})";
            if (node is null)
            {
                continue;
            }

            if (node is not JsonObject obj)
            {
                throw new SnapshotReadException($"{where}: expected a Kubernetes object or List, found {ShapeWords.Noun(node)}");
            }

            collected.AddDocument(obj, where);
        }
    }

    private static IEnumerable<(int Index, long Line, JsonNode? Node)> ReadDocuments(string text, string file)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                throw new SnapshotReadException($"{file}: document 1 (line {(ex.LineNumber ?? 0) + 1}): invalid JSON: {ex.Message}", ex);
            }

            return [(1, 1, node)];
        }

        return ReadYaml(text, file);
    }

    private static List<(int Index, long Line, JsonNode? Node)> ReadYaml(string text, string file)
    {
        try
        {
            using var reader = new StringReader(text);
            return [.. YamlToJson.ReadDocuments(reader)];
        }
        catch (YamlToJson.DocumentException ex)
        {
            throw new SnapshotReadException(
                $"{file}: document {ex.DocumentIndex} (line {ex.Start.Line}, column {ex.Start.Column}): invalid YAML: {ex.InnerException?.Message}",
                ex);
        }
    }

    /// <summary>Objects gathered from every file before the scope is known (a dump header may narrow it).</summary>
    private sealed class Collected
    {
        private readonly List<(ResourceType Type, IKubernetesObject<V1ObjectMeta> Object)> _objects = [];
        private readonly List<(string Kind, string? Namespace, string? Name)> _ignored = [];
        private readonly HashSet<ResourceType> _listedTypes = [];
        private JsonObject? _header;

        public void AddDocument(JsonObject obj, string where)
        {
            if (SnapshotHeader.IsHeader(obj))
            {
                _header = obj;
                return;
            }

            var kind = obj["kind"]?.GetValue<string>() ?? "";
            if (kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
            {
                var itemKind = kind[..^"List".Length];
                var listApiVersion = obj["apiVersion"]?.GetValue<string>() ?? "v1";

                // A typed list (SecretList) says its type was read even when it has no items: "there are none".
                if (itemKind.Length > 0 && KnownResources.FindByApiVersion(listApiVersion, itemKind) is { } listedType)
                {
                    _listedTypes.Add(listedType);
                }

                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not JsonObject item)
                    {
                        throw new SnapshotReadException($"{where}, item {i + 1}: expected a Kubernetes object, found {ShapeWords.Noun(items[i])}");
                    }

                    if (SnapshotHeader.IsHeader(item))
                    {
                        _header = item;
                        continue;
                    }

                    // Typed lists (PodList) may leave kind and apiVersion off their items.
                    item["kind"] ??= itemKind == "" ? null : itemKind;
                    item["apiVersion"] ??= listApiVersion;
                    AddObject(item, $"{where}, item {i + 1}");
                }

                return;
            }

            AddObject(obj, where);
        }

        private void AddObject(JsonObject obj, string where)
        {
            string apiVersion;
            string kind;
            try
            {
                apiVersion = obj["apiVersion"]?.GetValue<string>() ?? "";
                kind = obj["kind"]?.GetValue<string>() ?? "";
            }
            catch (InvalidOperationException)
            {
                throw new SnapshotReadException($"{where}: apiVersion and kind must be strings");
            }

            if (kind.Length == 0 || apiVersion.Length == 0)
            {
                throw new SnapshotReadException($"{where}: object has no {(kind.Length == 0 ? "kind" : "apiVersion")}");
            }

            var type = KnownResources.FindByApiVersion(apiVersion, kind);
            if (type is null)
            {
                var meta = obj["metadata"] as JsonObject;
                _ignored.Add((kind, StringAt(meta, "namespace"), StringAt(meta, "name")));
                return;
            }

            try
            {
                var decoded = ObjectDecoder.Decode(type, obj);
                if (string.IsNullOrEmpty(decoded.Metadata?.Name))
                {
                    throw new SnapshotReadException($"{where}: {kind} has no metadata.name");
                }

                _objects.Add((type, decoded));
            }
            catch (MalformedObjectException ex)
            {
                throw new SnapshotReadException($"{where}: {ex.Message}", ex);
            }
        }

        /// <summary>A string field of an object that is only counted, so a wrong shape is ignored rather than an error.</summary>
        private static string? StringAt(JsonObject? obj, string key) =>
            obj?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

        public ClusterSnapshot Build(ScanScope scope, string source, bool requireObjects = false)
        {
            // A user's empty or truncated snapshot file must not read as a healthy cluster (text seeded by tests may be empty).
            if (requireObjects && _objects.Count == 0 && _ignored.Count == 0 && _listedTypes.Count == 0 && _header is null)
            {
                throw new SnapshotReadException($"snapshot {source} contains no Kubernetes objects");
            }

            if (_header is not null && scope.Namespace.Length == 0 && SnapshotHeader.ScopeNamespace(_header) is { Length: > 0 } dumped)
            {
                scope = scope with { Namespace = dumped };
            }

            var builder = new ClusterSnapshotBuilder(scope) { Facts = new SnapshotFacts { Source = source } };
            if (_header is not null)
            {
                SnapshotHeader.Apply(_header, builder);
            }

            foreach (var (type, obj) in _objects)
            {
                builder.Add(type, obj);
            }

            foreach (var type in _listedTypes)
            {
                builder.MarkLoaded(type);
            }

            foreach (var (kind, ns, name) in _ignored)
            {
                builder.CountIgnored(kind, ns, name);
            }

            return builder.Build();
        }
    }
}
