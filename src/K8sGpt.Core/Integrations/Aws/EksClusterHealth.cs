using System.Text.Json;
using System.Text.Json.Nodes;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Aws;

/// <summary>
/// What AWS says about one EKS cluster: its status and control-plane health issues, and the state of its managed
/// node groups and add-ons. Stored in a snapshot as an <see cref="IntegrationResources.EksClusterHealth"/> object.
/// </summary>
public sealed record EksClusterHealth
{
    public required string ClusterName { get; init; }

    public required string Region { get; init; }

    public string Arn { get; init; } = "";

    /// <summary>AWS cluster status: <c>ACTIVE</c>, <c>CREATING</c>, <c>UPDATING</c>, <c>DELETING</c>, <c>FAILED</c>, <c>PENDING</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>Kubernetes version of the control plane (<c>1.31</c>).</summary>
    public string Version { get; init; } = "";

    public IReadOnlyList<EksIssue> Issues { get; init; } = [];

    public IReadOnlyList<EksComponentHealth> NodeGroups { get; init; } = [];

    public IReadOnlyList<EksComponentHealth> Addons { get; init; } = [];

    /// <summary>Parts AWS could not be asked about (a denied ListNodegroups, a failed DescribeAddon), in words.</summary>
    public IReadOnlyList<string> Unread { get; init; } = [];

    /// <summary>The snapshot object: <c>aws.k8sgpt.ai/v1 EKSClusterHealth</c>, named after the cluster.</summary>
    public UnstructuredObject ToObject() => new(new JsonObject
    {
        ["apiVersion"] = IntegrationResources.EksClusterHealth.ApiVersion,
        ["kind"] = IntegrationResources.EksClusterHealth.Kind,
        ["metadata"] = new JsonObject { ["name"] = ClusterName },
        ["status"] = new JsonObject
        {
            ["region"] = Region,
            ["arn"] = Arn,
            ["status"] = Status,
            ["version"] = Version,
            ["issues"] = new JsonArray([.. Issues.Select(static i => (JsonNode)i.ToJson())]),
            ["nodegroups"] = new JsonArray([.. NodeGroups.Select(static n => (JsonNode)n.ToJson())]),
            ["addons"] = new JsonArray([.. Addons.Select(static a => (JsonNode)a.ToJson())]),
            ["unread"] = new JsonArray([.. Unread.Select(static u => (JsonNode?)u)]),
        },
    });

    /// <summary>
    /// Reads a snapshot object back. Absent fields read as empty, so hand-written records work; fields of the wrong
    /// shape are left out and named in <paramref name="malformed"/>, so a broken record is never a silent all-clear.
    /// </summary>
    public static EksClusterHealth FromObject(UnstructuredObject health, out IReadOnlyList<string> malformed)
    {
        var problems = new List<string>();
        var status = health.Navigate("status");
        if (status is not JsonObject)
        {
            problems.Add(status is null ? "status is missing: the record says nothing about the cluster" : "status is not an object: the record was ignored");
        }
        else if (status["status"] is null)
        {
            problems.Add("status.status is missing: the cluster's state is unknown");
        }

        var fields = status as JsonObject;
        var result = new EksClusterHealth
        {
            ClusterName = health.Metadata?.Name ?? "",
            Region = Text(fields, "region", problems),
            Arn = Text(fields, "arn", problems),
            Status = Text(fields, "status", problems),
            Version = Text(fields, "version", problems),
            Issues = ReadIssues(fields, "status", problems),
            NodeGroups = ReadComponents(fields, "nodegroups", problems),
            Addons = ReadComponents(fields, "addons", problems),
            Unread = [.. List(fields, "unread", "status.unread", problems).OfType<JsonValue>().Select(static v => v.ToString())],
        };
        malformed = problems;
        return result;
    }

    private static string Text(JsonObject? node, string property, List<string> problems, string path = "status")
    {
        if (node?[property] is not { } value)
        {
            return "";
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        problems.Add($"{path}.{property} is not a string: ignored");
        return "";
    }

    private static IEnumerable<JsonNode?> List(JsonObject? node, string property, string path, List<string> problems)
    {
        switch (node?[property])
        {
            case null:
                return [];
            case JsonArray array:
                return array;
            default:
                problems.Add($"{path} is not a list: ignored");
                return [];
        }
    }

    private static IReadOnlyList<EksIssue> ReadIssues(JsonObject? owner, string path, List<string> problems)
    {
        var issues = new List<EksIssue>();
        var index = 0;
        foreach (var entry in List(owner, "issues", $"{path}.issues", problems))
        {
            var at = $"{path}.issues[{index++}]";
            if (entry is not JsonObject issue || Text(issue, "code", problems, at) is not { Length: > 0 } code)
            {
                problems.Add($"{at} has no code: ignored");
                continue;
            }

            var ids = List(issue, "resourceIds", $"{at}.resourceIds", problems).OfType<JsonValue>().Select(static v => v.ToString()).ToArray();
            issues.Add(new EksIssue(code, Text(issue, "message", problems, at), ids));
        }

        return issues;
    }

    private static IReadOnlyList<EksComponentHealth> ReadComponents(JsonObject? status, string property, List<string> problems)
    {
        var components = new List<EksComponentHealth>();
        var index = 0;
        foreach (var entry in List(status, property, $"status.{property}", problems))
        {
            var at = $"status.{property}[{index++}]";
            if (entry is not JsonObject component || Text(component, "name", problems, at) is not { Length: > 0 } name)
            {
                problems.Add($"{at} has no name: ignored");
                continue;
            }

            components.Add(new EksComponentHealth(name, Text(component, "status", problems, at), Text(component, "version", problems, at), ReadIssues(component, at, problems)));
        }

        return components;
    }
}
