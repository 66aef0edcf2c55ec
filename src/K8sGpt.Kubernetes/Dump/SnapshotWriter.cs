using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using K8sGpt.Core.Docs;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Kubernetes.Dump;

/// <summary>
/// Writes a snapshot as a JSON <c>v1 List</c>: the <see cref="SnapshotHeader"/> first, then every object read,
/// Secrets without their values. <c>k8sgpt analyze --snapshot</c> reads it back to the same snapshot.
/// </summary>
public static class SnapshotWriter
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static JsonObject ToJson(ClusterSnapshot snapshot, DateTimeOffset takenAt) => ToJson(snapshot, takenAt, null);

    /// <summary>The snapshot with <paramref name="fieldDocs"/> saved in its header (for <c>analyze --with-doc</c>).</summary>
    public static JsonObject ToJson(ClusterSnapshot snapshot, DateTimeOffset takenAt, FieldDocs? fieldDocs)
    {
        var items = new JsonArray { SnapshotHeader.Create(snapshot, takenAt, fieldDocs) };
        foreach (var type in snapshot.Statuses.Keys.OrderBy(static t => t.Resource, StringComparer.Ordinal))
        {
            foreach (var obj in snapshot.Objects(type))
            {
                var json = obj is UnstructuredObject u
                    ? (JsonObject)u.Body.DeepClone()
                    : JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject();
                json["apiVersion"] ??= type.ApiVersion;
                json["kind"] ??= type.Kind;
                if (type == KnownResources.Secrets)
                {
                    json.Remove("data");
                    json.Remove("stringData");
                }

                items.Add(json);
            }
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    public static string Write(ClusterSnapshot snapshot, DateTimeOffset takenAt) =>
        ToJson(snapshot, takenAt).ToJsonString(s_indented);

    public static string Write(ClusterSnapshot snapshot, DateTimeOffset takenAt, FieldDocs? fieldDocs) =>
        ToJson(snapshot, takenAt, fieldDocs).ToJsonString(s_indented);

    /// <summary>
    /// Writes the snapshot to <paramref name="path"/> atomically (a temporary file in the same folder, renamed
    /// over the target), readable by the owner only: the dump describes the cluster in detail.
    /// </summary>
    public static Task WriteFileAsync(ClusterSnapshot snapshot, DateTimeOffset takenAt, string path, CancellationToken cancellationToken) =>
        WriteFileAsync(snapshot, takenAt, null, path, cancellationToken);

    /// <summary>As <see cref="WriteFileAsync(ClusterSnapshot, DateTimeOffset, string, CancellationToken)"/>, with field docs in the header.</summary>
    public static async Task WriteFileAsync(ClusterSnapshot snapshot, DateTimeOffset takenAt, FieldDocs? fieldDocs, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                ToJson(snapshot, takenAt, fieldDocs).WriteTo(writer);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // Leave no half-written temporary file behind; the caller reports the error.
            File.Delete(temporary);
            throw;
        }
    }
}
