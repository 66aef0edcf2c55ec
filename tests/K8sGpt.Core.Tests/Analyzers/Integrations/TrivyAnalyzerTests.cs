using K8sGpt.Core.Integrations.Trivy;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers.Integrations;

public sealed class TrivyAnalyzerTests
{
    private const string Labels = """
        labels:
            trivy-operator.resource.kind: ReplicaSet
            trivy-operator.resource.name: web-6d4cf56db6
            trivy-operator.resource.namespace: shop
            trivy-operator.container.name: app
        """;

    private static string Vulnerabilities(string items) => $$"""
        apiVersion: aquasecurity.github.io/v1alpha1
        kind: VulnerabilityReport
        metadata:
          name: replicaset-web-6d4cf56db6-app
          namespace: shop
          {{Labels}}
        report:
          registry: {server: index.docker.io}
          artifact: {repository: library/nginx, tag: '1.19'}
          vulnerabilities:
        {{items}}

        """;

    private static string Audit(string checks) => $$"""
        apiVersion: aquasecurity.github.io/v1alpha1
        kind: ConfigAuditReport
        metadata:
          name: replicaset-web-6d4cf56db6
          namespace: shop
          {{Labels}}
        report:
          checks:
        {{checks}}

        """;

    [Fact]
    public void Critical_vulnerabilities_are_reported_once_per_report_with_workload_image_and_cve_ids()
    {
        var findings = SnapshotFixtures.Analyze(new VulnerabilityReportAnalyzer(), Vulnerabilities("""
              - {vulnerabilityID: CVE-2023-0001, severity: CRITICAL, resource: openssl}
              - {vulnerabilityID: CVE-2023-0002, severity: HIGH, resource: zlib}
              - {vulnerabilityID: CVE-2023-0003, severity: critical, resource: libc}
              - {vulnerabilityID: CVE-2023-0001, severity: CRITICAL, resource: openssl-libs}
            """));

        var finding = Assert.Single(findings);
        Assert.Equal("VulnerabilityReport", finding.Kind);
        Assert.Equal("shop/replicaset-web-6d4cf56db6-app", finding.Name);
        Assert.Equal("ReplicaSet/web-6d4cf56db6", finding.ParentObject);
        Assert.Equal(
            ["2 critical vulnerabilities in image index.docker.io/library/nginx:1.19 of ReplicaSet shop/web-6d4cf56db6 (container app): CVE-2023-0001, CVE-2023-0003"],
            ReadStates.Texts(findings));
    }

    [Fact]
    public void Vulnerability_failure_marks_the_workload_the_container_and_the_image_registry_host_and_path_sensitive()
    {
        var findings = SnapshotFixtures.Analyze(new VulnerabilityReportAnalyzer(), Vulnerabilities("  - {vulnerabilityID: CVE-2023-0001, severity: CRITICAL}")
            .Replace("index.docker.io", "registry.example.com", StringComparison.Ordinal));

        var failure = Assert.Single(Assert.Single(findings).Failures);

        Assert.Contains("registry.example.com/library/nginx:1.19", failure.Text, StringComparison.Ordinal);
        Assert.Equal(["web-6d4cf56db6", "shop", "app", "registry.example.com", "library", "nginx"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Config_audit_failure_marks_the_workload_and_its_containers_and_images_sensitive()
    {
        const string replicaSet = """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web-6d4cf56db6, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  initContainers: [{name: migrate, image: registry.example.com/shop/migrate:2}]
                  containers: [{name: app, image: registry.example.com/shop/web:1}]
            ---

            """;

        var findings = SnapshotFixtures.Analyze(new ConfigAuditReportAnalyzer(), replicaSet + Audit("""
              - {checkID: KSV013, title: Image tag, severity: HIGH, success: false, messages: ["Container 'migrate' uses registry.example.com/shop/migrate:2"]}
            """));

        var failure = Assert.Single(Assert.Single(findings).Failures);

        Assert.Equal(
            ["web-6d4cf56db6", "shop", "app", "migrate", "registry.example.com", "web"],
            failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Report_without_critical_vulnerabilities_is_healthy()
    {
        var findings = SnapshotFixtures.Analyze(new VulnerabilityReportAnalyzer(), Vulnerabilities("  - {vulnerabilityID: CVE-2023-0002, severity: HIGH}"));

        Assert.Empty(findings);
    }

    [Fact]
    public void High_vulnerabilities_are_reported_when_asked_for()
    {
        var findings = SnapshotFixtures.Analyze(new VulnerabilityReportAnalyzer(["CRITICAL", "HIGH"]), Vulnerabilities("  - {vulnerabilityID: CVE-2023-0002, severity: HIGH}"));

        Assert.Equal(
            ["1 high vulnerability in image index.docker.io/library/nginx:1.19 of ReplicaSet shop/web-6d4cf56db6 (container app): CVE-2023-0002"],
            ReadStates.Texts(findings));
    }

    [Fact]
    public void Long_cve_lists_are_cut_and_counted()
    {
        var items = string.Join("\n", Enumerable.Range(1, 12).Select(static i => $"  - {{vulnerabilityID: CVE-2024-{i:0000}, severity: CRITICAL}}"));

        var text = Assert.Single(ReadStates.Texts(SnapshotFixtures.Analyze(new VulnerabilityReportAnalyzer(), Vulnerabilities(items))));

        Assert.EndsWith("CVE-2024-0010 and 2 more", text, StringComparison.Ordinal);
        Assert.StartsWith("12 critical vulnerabilities", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_critical_and_high_config_audit_checks_are_reported()
    {
        var findings = SnapshotFixtures.Analyze(new ConfigAuditReportAnalyzer(), Audit("""
              - {checkID: KSV017, title: Privileged container, severity: HIGH, success: false, messages: ["Container 'app' should set 'securityContext.privileged' to false"]}
              - {checkID: KSV118, title: Default security context configured, severity: critical, success: false, description: container is using the default security context}
              - {checkID: KSV001, title: Can elevate its own privileges, severity: MEDIUM, success: false}
              - {checkID: KSV012, title: Runs as root user, severity: HIGH, success: true}
            """));

        var finding = Assert.Single(findings);
        Assert.Equal("shop/replicaset-web-6d4cf56db6", finding.Name);
        Assert.Equal(
            [
                "critical config audit check KSV118 (Default security context configured) failed on ReplicaSet shop/web-6d4cf56db6 (container app): container is using the default security context",
                "high config audit check KSV017 (Privileged container) failed on ReplicaSet shop/web-6d4cf56db6 (container app): Container 'app' should set 'securityContext.privileged' to false",
            ],
            ReadStates.Texts(findings));
    }

    [Fact]
    public void Config_audit_report_with_only_passed_or_low_checks_is_healthy()
    {
        var findings = SnapshotFixtures.Analyze(new ConfigAuditReportAnalyzer(), Audit("""
              - {checkID: KSV001, severity: LOW, success: false}
              - {checkID: KSV012, severity: CRITICAL, success: true}
            """));

        Assert.Empty(findings);
    }
}
