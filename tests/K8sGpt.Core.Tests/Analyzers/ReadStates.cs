using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Tests.Analyzers;

/// <summary>
/// Snapshot headers (as <c>k8sgpt dump</c> writes them) that say how reading a type went, so fixtures can state
/// "listed and empty" (Loaded) apart from "could not be read" (Forbidden, NotServed).
/// </summary>
internal static class ReadStates
{
    public static string Header(params (string Group, string Kind, string Resource, string State)[] resources) =>
        """
        apiVersion: k8sgpt.ai/v1
        kind: K8sGptSnapshot
        metadata:
          name: snapshot
        resources:

        """
        + string.Concat(resources.Select(static r =>
            $"- {{group: \"{r.Group}\", version: v1, kind: {r.Kind}, resource: {r.Resource}, state: {r.State}, detail: \"{(r.State == "Forbidden" ? "HTTP 403" : "")}\"}}\n"))
        + "---\n";

    public static IReadOnlyList<string> Texts(IEnumerable<Finding> findings) =>
        [.. findings.SelectMany(static f => f.Failures).Select(static f => f.Text)];

    public static IReadOnlyList<string> Codes(IEnumerable<Finding> findings) =>
        [.. findings.SelectMany(static f => f.Failures).Select(static f => f.Code)];
}
