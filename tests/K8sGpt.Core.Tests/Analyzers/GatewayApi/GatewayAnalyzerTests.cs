using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers.GatewayApi;

public sealed class GatewayAnalyzerTests
{
    private const string EdgeClass = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: edge}
        spec: {controllerName: example.com/gateway-controller}
        status:
          conditions:
          - {type: Accepted, status: "True", reason: Accepted, message: ok}
        ---

        """;

    private const string Healthy = """
          conditions:
          - {type: Accepted, status: "True", reason: Accepted, message: ok}
          - {type: Programmed, status: "True", reason: Programmed, message: ok}
        """;

    private static string Gateway(string ns, string name, string className, string status) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        spec:
          gatewayClassName: {className}
          listeners:
          - {"{"}name: https, port: 443, protocol: HTTPS{"}"}
        status:
        {status}
        ---

        """;

    [Fact]
    public void Gateway_whose_class_does_not_exist_is_reported()
    {
        var findings = SnapshotFixtures.Analyze(new GatewayAnalyzer(), EdgeClass + Gateway("web", "public", "missing", Healthy));

        Assert.Equal(["Gateway uses the GatewayClass missing which does not exist."], Texts(findings));
        Assert.Equal("web/public", Assert.Single(findings).Name);
    }

    [Fact]
    public void Gateway_whose_class_could_not_be_read_is_not_said_to_use_a_missing_class()
    {
        var yaml = Header(("gateway.networking.k8s.io", "GatewayClass", "gatewayclasses", "Forbidden")) + Gateway("web", "public", "edge", Healthy);

        Assert.Empty(SnapshotFixtures.Analyze(new GatewayAnalyzer(), yaml));
    }

    [Fact]
    public void Accepted_and_Programmed_conditions_that_are_not_True_are_reported()
    {
        const string status = """
              conditions:
              - {type: Accepted, status: "True", reason: Accepted, message: ok}
              - {type: Programmed, status: "False", reason: AddressNotAssigned, message: no load balancer address}
            """;

        var findings = SnapshotFixtures.Analyze(new GatewayAnalyzer(), EdgeClass + Gateway("web", "public", "edge", status));

        Assert.Equal(["Gateway 'web/public' has condition Programmed=False, reason AddressNotAssigned: no load balancer address"], Texts(findings));
    }

    [Theory]
    [InlineData("- {type: Programmed}")]
    [InlineData("- {type: Programmed, status: \"Unknown\", reason: Pending, message: Waiting for controller}")]
    [InlineData("- {type: Accepted, reason: Pending}")]
    public void Conditions_without_an_explicit_False_status_are_not_reported(string condition)
    {
        var status = "  conditions:\n  " + condition;

        Assert.Empty(SnapshotFixtures.Analyze(new GatewayAnalyzer(), EdgeClass + Gateway("ns1", "gw1", "edge", status)));
    }

    [Fact]
    public void False_condition_without_reason_or_message_is_reported_without_an_empty_reason()
    {
        var status = "  conditions:\n  - {type: Programmed, status: \"False\"}\n  listeners:\n  - name: https\n    conditions:\n    - {type: ResolvedRefs, status: \"False\", message: certificate missing}";

        Assert.Equal(
            ["Gateway 'ns1/gw1' has condition Programmed=False", "Gateway 'ns1/gw1' listener 'https' has condition ResolvedRefs=False: certificate missing"],
            Texts(SnapshotFixtures.Analyze(new GatewayAnalyzer(), EdgeClass + Gateway("ns1", "gw1", "edge", status))));
    }

    [Fact]
    public void Listener_problems_are_reported_per_listener_with_the_right_polarity()
    {
        const string status = """
              conditions:
              - {type: Accepted, status: "True", reason: Accepted, message: ok}
              - {type: Programmed, status: "True", reason: Programmed, message: ok}
              listeners:
              - name: https
                conditions:
                - {type: ResolvedRefs, status: "False", reason: InvalidCertificateRef, message: secret web/tls-cert not found}
                - {type: Conflicted, status: "False", reason: NoConflicts, message: ok}
              - name: http
                conditions:
                - {type: Conflicted, status: "True", reason: HostnameConflict, message: hostname used by another listener}
                - {type: Accepted, status: "False", reason: PortUnavailable, message: port 80 in use}
              - name: admin
                conditions:
                - {type: Accepted, status: "True", reason: Accepted, message: ok}
                - {type: ResolvedRefs, status: "True", reason: ResolvedRefs, message: ok}
            """;

        var findings = SnapshotFixtures.Analyze(new GatewayAnalyzer(), EdgeClass + Gateway("web", "public", "edge", status));

        Assert.Equal(
        [
            "Gateway 'web/public' listener 'https' has condition ResolvedRefs=False, reason InvalidCertificateRef: secret web/tls-cert not found",
            "Gateway 'web/public' listener 'http' has condition Conflicted=True, reason HostnameConflict: hostname used by another listener",
            "Gateway 'web/public' listener 'http' has condition Accepted=False, reason PortUnavailable: port 80 in use",
        ], Texts(findings));
    }

    [Fact]
    public void Failures_mark_the_class_listener_host_names_and_certificate_secrets_sensitive()
    {
        const string status = """
              conditions:
              - {type: Programmed, status: "False", reason: Invalid, message: secret infra/shop-tls not found for shop.example.com}
            """;
        var yaml = (EdgeClass + Gateway("web", "public", "edge", status)).Replace(
            "- {name: https, port: 443, protocol: HTTPS}",
            "- {name: https, port: 443, protocol: HTTPS, hostname: \"*.shop.example.com\", tls: {certificateRefs: [{name: shop-tls, namespace: infra}]}}",
            StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new GatewayAnalyzer(), yaml)).Failures);

        Assert.Equal(["web", "public", "edge", "*.shop.example.com", "shop.example.com", "infra", "shop-tls"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Healthy_gateway_is_not_reported()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new GatewayAnalyzer(), EdgeClass + Gateway("web", "public", "edge", Healthy)));
    }

    [Fact]
    public void Only_gateways_of_the_scanned_namespace_are_reported()
    {
        var yaml = EdgeClass + Gateway("web", "public", "missing", Healthy) + Gateway("blog", "public", "missing", Healthy);

        var (findings, _) = SnapshotFixtures.Run(new GatewayAnalyzer(), SnapshotFixtures.FromYaml(yaml, ns: "blog"));

        Assert.Equal(["blog/public"], findings.Select(static f => f.Name));
    }

    [Fact]
    public void Set_based_label_selector_of_the_run_is_honoured()
    {
        var yaml = EdgeClass
            + Gateway("web", "public", "missing", Healthy).Replace("namespace: web}", "namespace: web, labels: {team: web}}", StringComparison.Ordinal)
            + Gateway("web", "legacy", "missing", Healthy).Replace("namespace: web}", "namespace: web, labels: {team: old}}", StringComparison.Ordinal)
            + Gateway("web", "unlabelled", "missing", Healthy);

        var (findings, _) = SnapshotFixtures.Run(new GatewayAnalyzer(), SnapshotFixtures.FromYaml(yaml, selector: "team,team notin (old)"));

        Assert.Equal(["web/public"], findings.Select(static f => f.Name));
    }

    [Fact]
    public void Gateway_read_at_v1beta1_is_analysed_like_v1()
    {
        var yaml = EdgeClass + Gateway("web", "public", "missing", Healthy).Replace("gateway.networking.k8s.io/v1\n", "gateway.networking.k8s.io/v1beta1\n", StringComparison.Ordinal);

        Assert.Equal(["Gateway uses the GatewayClass missing which does not exist."], Texts(SnapshotFixtures.Analyze(new GatewayAnalyzer(), yaml)));
    }
}
