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

    /// <summary>Reads a snapshot object back; missing fields read as empty, so hand-written snapshots work.</summary>
    public static EksClusterHealth FromObject(UnstructuredObject health)
    {
        var status = health.Navigate("status") as JsonObject;
        return new EksClusterHealth
        {
            ClusterName = health.Metadata?.Name ?? "",
            Region = JsonFields.Str(status, "region") ?? "",
            Arn = JsonFields.Str(status, "arn") ?? "",
            Status = JsonFields.Str(status, "status") ?? "",
            Version = JsonFields.Str(status, "version") ?? "",
            Issues = EksIssue.IssuesIn(status),
            NodeGroups = [.. JsonFields.Objects(status?["nodegroups"]).Select(EksComponentHealth.FromJson)],
            Addons = [.. JsonFields.Objects(status?["addons"]).Select(EksComponentHealth.FromJson)],
            Unread = status?["unread"] is JsonArray unread ? [.. unread.OfType<JsonValue>().Select(static v => v.ToString())] : [],
        };
    }
}
