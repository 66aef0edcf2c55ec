using System.Text.Json.Nodes;

namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>Small builders for the JSON shapes an API server returns (metadata, owner references, conditions).</summary>
internal static class K8s
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static string Time(TimeSpan ago) => (Now - ago).ToString("yyyy-MM-ddTHH:mm:ssZ");

    public static JsonObject Object(string apiVersion, string kind, JsonObject metadata, JsonObject? spec = null, JsonObject? status = null)
    {
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
        if (spec is not null)
        {
            obj["spec"] = spec;
        }

        if (status is not null)
        {
            obj["status"] = status;
        }

        return obj;
    }

    public static JsonObject Meta(string name, string? ns, string uid, JsonObject? labels = null, JsonObject? owner = null, TimeSpan? age = null)
    {
        var meta = new JsonObject
        {
            ["name"] = name,
            ["uid"] = uid,
            ["resourceVersion"] = "1",
            ["creationTimestamp"] = Time(age ?? TimeSpan.FromDays(10)),
        };
        if (ns is not null)
        {
            meta["namespace"] = ns;
        }

        if (labels is not null)
        {
            meta["labels"] = labels;
        }

        if (owner is not null)
        {
            meta["ownerReferences"] = new JsonArray(owner);
        }

        return meta;
    }

    public static JsonObject Owner(string apiVersion, string kind, string name, string uid) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static JsonObject Condition(string type, string status, string? reason = null, string? message = null)
    {
        var condition = new JsonObject { ["type"] = type, ["status"] = status, ["lastTransitionTime"] = Time(TimeSpan.FromHours(2)) };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        if (message is not null)
        {
            condition["message"] = message;
        }

        return condition;
    }

    public static JsonObject Labels(params (string Key, string Value)[] pairs)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            labels[key] = value;
        }

        return labels;
    }

    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
