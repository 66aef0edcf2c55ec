using System.Text.Json.Nodes;

namespace K8sGpt.Core.Integrations.Aws;

/// <summary>One health issue AWS reports for a cluster, node group or add-on (<c>health.issues[]</c>).</summary>
/// <param name="Code">AWS issue code, for example <c>Ec2SubnetNotFound</c> or <c>AsgInstanceLaunchFailures</c>.</param>
/// <param name="Message">AWS's description of the issue.</param>
/// <param name="ResourceIds">AWS resources the issue concerns (subnets, security groups, instances).</param>
public sealed record EksIssue(string Code, string Message, IReadOnlyList<string> ResourceIds)
{
    internal JsonObject ToJson() => new()
    {
        ["code"] = Code,
        ["message"] = Message,
        ["resourceIds"] = new JsonArray([.. ResourceIds.Select(static id => (JsonNode?)id)]),
    };

    /// <summary>Reads the AWS wire shape (<c>{code, message, resourceIds}</c>); absent fields read as empty.</summary>
    public static EksIssue FromJson(JsonObject issue) => new(
        JsonFields.Str(issue, "code") ?? "",
        JsonFields.Str(issue, "message") ?? "",
        issue["resourceIds"] is JsonArray ids ? [.. ids.OfType<JsonValue>().Select(static v => v.ToString())] : []);

    /// <summary>The issues listed under <c>issues</c> of a node (an AWS <c>health</c> object, or a snapshot entry); null-safe.</summary>
    public static IReadOnlyList<EksIssue> IssuesIn(JsonNode? node) =>
        [.. JsonFields.Objects(node is JsonObject obj ? obj["issues"] : null).Select(FromJson)];
}
