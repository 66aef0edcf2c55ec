using K8sGpt.Core.Integrations.Kyverno;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers.Integrations;

public sealed class PolicyReportAnalyzerTests
{
    private static string Report(string results, string labels = "{app.kubernetes.io/managed-by: kyverno}") => $$"""
        apiVersion: wgpolicyk8s.io/v1alpha2
        kind: PolicyReport
        metadata:
          name: 4f1c9d2e-0b7a-4a7e-9d51-6f3c2b1a0e99
          namespace: shop
          labels: {{labels}}
        scope: {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: web}
        results:
        {{results}}

        """;

    private const string Pass = "- {policy: require-labels, rule: check-team, result: pass, severity: medium, message: validation rule passed}";

    private const string Fail = "- {policy: disallow-latest-tag, rule: validate-image-tag, result: fail, severity: HIGH, message: 'Using a mutable image tag e.g. latest is not allowed.'}";

    [Fact]
    public void Report_with_only_passing_results_is_healthy()
    {
        Assert.Empty(SnapshotFixtures.Analyze(PolicyReportAnalyzer.Namespaced(), Report(Pass)));
    }

    [Fact]
    public void Failed_result_is_reported_with_policy_rule_severity_scope_and_message()
    {
        var findings = SnapshotFixtures.Analyze(PolicyReportAnalyzer.Namespaced(), Report(Pass + "\n" + Fail));

        var finding = Assert.Single(findings);
        Assert.Equal("PolicyReport", finding.Kind);
        Assert.Equal("shop/4f1c9d2e-0b7a-4a7e-9d51-6f3c2b1a0e99", finding.Name);
        Assert.Equal("Deployment/web", finding.ParentObject);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("policy failure: disallow-latest-tag/validate-image-tag (high) on Deployment shop/web: Using a mutable image tag e.g. latest is not allowed.", failure.Text);
        Assert.Equal(["web", "shop"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Errored_result_is_reported_as_a_policy_error()
    {
        var findings = SnapshotFixtures.Analyze(
            PolicyReportAnalyzer.Namespaced(),
            Report("- {policy: check-signature, rule: verify, result: ERROR, message: failed to fetch the signature}"));

        Assert.Equal(["policy error: check-signature/verify on Deployment shop/web: failed to fetch the signature"], ReadStates.Texts(findings));
        Assert.Equal(["PolicyError"], ReadStates.Codes(findings));
    }

    [Fact]
    public void Result_resources_name_the_affected_object_over_the_report_scope()
    {
        var findings = SnapshotFixtures.Analyze(
            PolicyReportAnalyzer.Namespaced(),
            Report("- {policy: require-probes, result: fail, message: probes missing, resources: [{apiVersion: v1, kind: Pod, namespace: shop, name: web-7d4b9-abcde}]}"));

        Assert.Equal(["policy failure: require-probes on Pod shop/web-7d4b9-abcde: probes missing"], ReadStates.Texts(findings));
    }

    [Fact]
    public void Warn_and_skip_results_are_not_reported()
    {
        var findings = SnapshotFixtures.Analyze(
            PolicyReportAnalyzer.Namespaced(),
            Report("- {policy: a, result: warn}\n- {policy: b, result: skip}"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Label_selector_limits_the_reports_analyzed()
    {
        var snapshot = SnapshotFixtures.FromYaml(Report(Fail, labels: "{team: payments}"), selector: "team=search");

        var (findings, _) = SnapshotFixtures.Run(PolicyReportAnalyzer.Namespaced(), snapshot);

        Assert.Empty(findings);
    }

    [Fact]
    public void Failed_cluster_policy_report_result_is_reported_whatever_the_case_of_its_severity()
    {
        const string yaml = """
            apiVersion: wgpolicyk8s.io/v1alpha2
            kind: ClusterPolicyReport
            metadata: {name: 0e9a7c55-1111-4a7e-9d51-000000000001}
            scope: {apiVersion: v1, kind: Namespace, name: legacy}
            results:
            - {policy: require-ns-owner, rule: check-owner-label, result: fail, severity: Critical, message: label owner is required}
            """;

        var findings = SnapshotFixtures.Analyze(PolicyReportAnalyzer.ClusterScoped(), yaml);

        var finding = Assert.Single(findings);
        Assert.Equal("ClusterPolicyReport", finding.Kind);
        Assert.Equal("0e9a7c55-1111-4a7e-9d51-000000000001", finding.Name);
        Assert.Equal(["policy failure: require-ns-owner/check-owner-label (critical) on Namespace legacy: label owner is required"], ReadStates.Texts(findings));
    }
}
