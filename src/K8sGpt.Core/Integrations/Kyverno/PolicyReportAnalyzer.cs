using System.Text.Json.Nodes;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Kyverno;

/// <summary>
/// Policy reports (<c>wgpolicyk8s.io</c>, written by Kyverno and other policy engines): every result whose outcome is
/// <c>fail</c> or <c>error</c> becomes a failure naming the policy, the rule, the severity and the resource it
/// concerns (the result's <c>resources</c>, else the report's <c>scope</c>). One analyzer type serves both the
/// namespaced <c>PolicyReport</c> and the cluster-scoped <c>ClusterPolicyReport</c>.
/// </summary>
public sealed class PolicyReportAnalyzer : CustomResourceAnalyzer
{
    private PolicyReportAnalyzer(ResourceType type)
        : base(type)
    {
    }

    /// <summary>The namespaced <c>PolicyReport</c> analyzer.</summary>
    public static PolicyReportAnalyzer Namespaced() => new(IntegrationResources.PolicyReports);

    /// <summary>The cluster-scoped <c>ClusterPolicyReport</c> analyzer.</summary>
    public static PolicyReportAnalyzer ClusterScoped() => new(IntegrationResources.ClusterPolicyReports);

    public override string Name => Type.Kind;

    protected override IEnumerable<Failure> Check(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var report = resource;
        var scope = JsonFields.Obj(report.Body, "scope");
        foreach (var result in JsonFields.Objects(report.Body["results"]))
        {
            var outcome = JsonFields.Str(result, "result")?.ToLowerInvariant();
            if (outcome is not ("fail" or "error"))
            {
                continue;
            }

            var policy = JsonFields.Str(result, "policy") ?? "(unnamed policy)";
            var rule = JsonFields.Str(result, "rule");
            var severity = JsonFields.Str(result, "severity")?.ToLowerInvariant();
            var message = JsonFields.Str(result, "message");
            var resources = JsonFields.Objects(result["resources"]).ToArray();
            var affected = resources.Length > 0 ? resources : scope is null ? [] : [scope];

            var text = $"policy {(outcome == "fail" ? "failure" : "error")}: {policy}"
                + (string.IsNullOrEmpty(rule) ? "" : $"/{rule}")
                + (string.IsNullOrEmpty(severity) ? "" : $" ({severity})")
                + (affected.Length == 0 ? "" : $" on {string.Join(", ", affected.Select(Describe))}")
                + (string.IsNullOrEmpty(message) ? "" : $": {message}");
            yield return Failure.Of(
                outcome == "fail" ? "PolicyFailed" : "PolicyError",
                text,
                "results",
                [.. affected.Select(static r => JsonFields.Str(r, "name")), .. affected.Select(static r => JsonFields.Str(r, "namespace"))]);
        }
    }

    protected override string ParentOf(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context) =>
        JsonFields.Obj(resource.Body, "scope") is { } scope && JsonFields.Str(scope, "kind") is { Length: > 0 } kind && JsonFields.Str(scope, "name") is { Length: > 0 } name
            ? $"{kind}/{name}"
            : "";

    private static string Describe(JsonObject reference)
    {
        var kind = JsonFields.Str(reference, "kind") ?? "object";
        var ns = JsonFields.Str(reference, "namespace");
        var name = JsonFields.Str(reference, "name") ?? "";
        return string.IsNullOrEmpty(ns) ? $"{kind} {name}" : $"{kind} {ns}/{name}";
    }
}
