using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Trivy;

/// <summary>
/// Trivy operator ConfigAuditReports (<c>aquasecurity.github.io/v1alpha1</c>): every failed check
/// (<c>success: false</c>) of severity CRITICAL or HIGH (case-insensitive) becomes a failure naming the check,
/// its title, the workload and the check's messages.
/// </summary>
public sealed class ConfigAuditReportAnalyzer() : CustomResourceAnalyzer(IntegrationResources.ConfigAuditReports)
{
    private static readonly string[] s_reported = ["CRITICAL", "HIGH"];

    public override string Name => "ConfigAuditReport";

    protected override IEnumerable<Failure> Check(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var report = resource;
        var workload = TrivyWorkload.Of(report);
        string[] identities = workload is null ? [] : [.. workload.Identities, .. workload.ContainerIdentitiesIn(snapshot)];
        var checks = JsonFields.Objects(JsonFields.Obj(report.Body, "report")?["checks"])
            .Where(static c => JsonFields.Bool(c, "success") == false)
            .Select(static c => (Check: c, Severity: JsonFields.Str(c, "severity")?.ToUpperInvariant() ?? ""))
            .Where(static c => s_reported.Contains(c.Severity, StringComparer.Ordinal))
            .OrderBy(static c => Array.IndexOf(s_reported, c.Severity))
            .ThenBy(static c => JsonFields.Str(c.Check, "checkID"), StringComparer.Ordinal);
        foreach (var (check, severity) in checks)
        {
            var id = JsonFields.Str(check, "checkID") ?? "(no id)";
            var title = JsonFields.Str(check, "title");
            var messages = check["messages"] is System.Text.Json.Nodes.JsonArray array
                ? string.Join("; ", array.Select(static m => m?.ToString()).Where(static m => !string.IsNullOrEmpty(m)))
                : "";
            var detail = messages.Length > 0 ? messages : JsonFields.Str(check, "description") ?? "";
            yield return Failure.Of(
                "ConfigAuditCheckFailed",
                $"{severity.ToLowerInvariant()} config audit check {id}{(string.IsNullOrEmpty(title) ? "" : $" ({title})")} failed"
                    + (workload is null ? "" : $" on {workload}")
                    + (detail.Length == 0 ? "" : $": {detail}"),
                "report.checks",
                identities);
        }
    }

    protected override string ParentOf(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context) =>
        TrivyWorkload.Of(resource)?.ParentIn(snapshot, context) ?? "";

    /// <summary>Owner kinds, read so the workload's top owner (the Deployment of a ReplicaSet) can be named.</summary>
    protected override IEnumerable<ResourceType> Lookups => Analysis.ObjectAnalyzer<k8s.Models.V1Pod>.OwnerKinds;
}
