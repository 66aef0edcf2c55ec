using System.Text.Json;
using System.Text.Json.Nodes;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Core.Docs;

/// <summary>Field documentation saved by <c>k8sgpt dump</c> in a snapshot file's header.</summary>
public static class SnapshotFieldDocs
{
    /// <summary>The saved documentation, or null when the path is not a dump file that has some.</summary>
    public static async Task<FieldDocs?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var root = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                return root?["items"] is JsonArray { Count: > 0 } items && items[0] is JsonObject header && SnapshotHeader.IsHeader(header)
                    ? SnapshotHeader.FieldDocsOf(header)
                    : null;
            }
            catch (JsonException)
            {
                // The snapshot reader reports malformed files; here it only means there are no saved docs.
                return null;
            }
        }
    }
}
