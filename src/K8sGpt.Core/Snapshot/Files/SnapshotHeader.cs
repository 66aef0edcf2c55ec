using System.Text.Json.Nodes;
using K8sGpt.Core.Docs;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// The first item of a file written by <c>k8sgpt dump</c>: what was read, how each read went, and server facts,
/// so that analysing the file gives exactly the results of the live run.
/// </summary>
public static class SnapshotHeader
{
    public const string ApiVersion = "k8sgpt.ai/v1";
    public const string Kind = "K8sGptSnapshot";

    public static bool IsHeader(JsonObject obj) =>
        obj["kind"]?.GetValue<string>() == Kind && obj["apiVersion"]?.GetValue<string>() == ApiVersion;

    public static JsonObject Create(ClusterSnapshot snapshot, DateTimeOffset takenAt)
    {
        var header = CreateWithoutLogs(snapshot, takenAt);
        if (snapshot.ContainerLogs.Count > 0)
        {
            // Container log tails ride in the header: they are not objects of the cluster.
            header["logs"] = new JsonArray([.. snapshot.ContainerLogs
                .OrderBy(static l => (l.Namespace, l.Pod, l.Container, l.Previous))
                .Select(static l => (JsonNode)new JsonObject
                {
                    ["namespace"] = l.Namespace,
                    ["pod"] = l.Pod,
                    ["container"] = l.Container,
                    ["previous"] = l.Previous,
                    ["text"] = l.Text,
                })]);
        }

        return header;
    }

    /// <summary>The header with the field documentation of the kinds analyzers read (for <c>--with-doc</c>).</summary>
    public static JsonObject Create(ClusterSnapshot snapshot, DateTimeOffset takenAt, FieldDocs? fieldDocs)
    {
        var header = Create(snapshot, takenAt);
        if (fieldDocs is not null)
        {
            header["fieldDocs"] = fieldDocs.ToJson();
        }

        return header;
    }

    /// <summary>The field documentation a header carries, or null when the dump did not save any.</summary>
    public static FieldDocs? FieldDocsOf(JsonObject header) =>
        header["fieldDocs"] is JsonObject docs ? FieldDocs.FromJson(docs) : null;

    private static JsonObject CreateWithoutLogs(ClusterSnapshot snapshot, DateTimeOffset takenAt) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = Kind,
        ["metadata"] = new JsonObject { ["name"] = "snapshot" },
        ["takenAt"] = takenAt.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["source"] = snapshot.Facts.Source,
        ["serverVersion"] = snapshot.Facts.ServerVersion,
        ["scope"] = new JsonObject
        {
            ["namespace"] = snapshot.Scope.Namespace,
            ["labelSelector"] = snapshot.Scope.Selector.ToString(),
        },
        ["servedGroupVersions"] = new JsonArray([.. snapshot.Facts.ServedGroupVersions.Select(static g => JsonValue.Create(g))]),
        ["resources"] = new JsonArray([.. snapshot.Statuses
            .OrderBy(static kv => kv.Key.Resource, StringComparer.Ordinal)
            .Select(static kv => (JsonNode)new JsonObject
            {
                ["group"] = kv.Key.Group,
                ["version"] = kv.Key.Version,
                ["kind"] = kv.Key.Kind,
                ["resource"] = kv.Key.Plural,
                ["state"] = kv.Value.State.ToString(),
                ["detail"] = kv.Value.Detail,
            })]),
    };

    /// <summary>Applies a header's facts and read outcomes to a snapshot being rebuilt from the file.</summary>
    internal static void Apply(JsonObject header, ClusterSnapshotBuilder builder)
    {
        builder.Facts = builder.Facts with
        {
            ServerVersion = header["serverVersion"]?.GetValue<string>() ?? "",
            ServedGroupVersions = header["servedGroupVersions"] is JsonArray served
                ? served.Select(static n => n?.GetValue<string>() ?? "").Where(static s => s.Length > 0).ToArray()
                : [],
        };
        foreach (var entry in header["resources"] as JsonArray ?? [])
        {
            if (entry is not JsonObject resource)
            {
                continue;
            }

            var type = KnownResources.Find(resource["group"]?.GetValue<string>() ?? "", resource["kind"]?.GetValue<string>() ?? "");
            if (type is not null && Enum.TryParse<ReadState>(resource["state"]?.GetValue<string>(), out var state))
            {
                builder.SetStatus(type, new ResourceReadStatus(state, resource["detail"]?.GetValue<string>() ?? ""));
            }
        }

        foreach (var entry in header["logs"] as JsonArray ?? [])
        {
            if (entry is JsonObject log)
            {
                builder.AddLog(new ContainerLog(
                    log["namespace"]?.GetValue<string>() ?? "",
                    log["pod"]?.GetValue<string>() ?? "",
                    log["container"]?.GetValue<string>() ?? "",
                    log["previous"]?.GetValue<bool>() ?? false,
                    log["text"]?.GetValue<string>() ?? ""));
            }
        }
    }

    /// <summary>The namespace a dump was limited to, or empty.</summary>
    internal static string ScopeNamespace(JsonObject header) =>
        header["scope"]?["namespace"]?.GetValue<string>() ?? "";
}
