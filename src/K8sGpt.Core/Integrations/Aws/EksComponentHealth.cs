using System.Text.Json.Nodes;

namespace K8sGpt.Core.Integrations.Aws;

/// <summary>The state of a managed node group or an add-on of an EKS cluster.</summary>
/// <param name="Name">Node group or add-on name.</param>
/// <param name="Status">AWS status (<c>ACTIVE</c>, <c>DEGRADED</c>, <c>CREATE_FAILED</c>, ...).</param>
/// <param name="Version">Kubernetes version of a node group, or add-on version; empty when unknown.</param>
/// <param name="Issues">Health issues AWS reports for it.</param>
public sealed record EksComponentHealth(string Name, string Status, string Version, IReadOnlyList<EksIssue> Issues)
{
    internal JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["status"] = Status,
        ["version"] = Version,
        ["issues"] = new JsonArray([.. Issues.Select(static i => (JsonNode)i.ToJson())]),
    };
}
