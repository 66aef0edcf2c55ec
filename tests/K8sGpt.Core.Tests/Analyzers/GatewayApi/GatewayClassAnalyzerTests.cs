using K8sGpt.Core.Analysis;
using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers.GatewayApi;

public sealed class GatewayClassAnalyzerTests
{
    private static string GatewayClass(string name, string conditions, string labels = "{}") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {"{"}name: {name}, labels: {labels}{"}"}
        spec:
          controllerName: example.com/gateway-controller
        status:
          conditions:
        {conditions}
        ---

        """;

    private const string Rejected = """
          - {type: SupportedVersion, status: "True", reason: SupportedVersion, message: ok}
          - {type: Accepted, status: "False", reason: InvalidParameters, message: parametersRef points to a missing ConfigMap}
        """;

    private const string AcceptedAfterUnsupportedVersion = """
          - {type: SupportedVersion, status: "False", reason: UnsupportedVersion, message: CRDs are v1.0}
          - {type: Accepted, status: "True", reason: Accepted, message: ok}
        """;

    [Fact]
    public void Class_whose_Accepted_condition_is_False_is_reported_with_controller_and_message()
    {
        var findings = SnapshotFixtures.Analyze(new GatewayClassAnalyzer(), GatewayClass("internal", Rejected));

        var finding = Assert.Single(findings);
        Assert.Equal(("GatewayClass", "", "internal"), (finding.Kind, finding.Namespace, finding.ObjectName));
        Assert.Equal(
            ["GatewayClass 'internal' with a controller name 'example.com/gateway-controller' is not accepted. Message: 'parametersRef points to a missing ConfigMap'."],
            Texts(findings));
        Assert.Equal(["internal", "example.com/gateway-controller"], finding.Failures[0].Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Parameters_object_a_refusal_may_quote_is_sensitive()
    {
        var yaml = GatewayClass("internal", Rejected).Replace(
            "controllerName: example.com/gateway-controller",
            "controllerName: example.com/gateway-controller\n  parametersRef: {group: \"\", kind: ConfigMap, name: lb-params, namespace: infra}",
            StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new GatewayClassAnalyzer(), yaml)).Failures);

        Assert.Equal(["internal", "example.com/gateway-controller", "infra", "lb-params"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Accepted_class_is_not_reported_even_when_another_condition_comes_first_and_is_False()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new GatewayClassAnalyzer(), GatewayClass("public", AcceptedAfterUnsupportedVersion)));
    }

    [Theory]
    [InlineData("      - {type: Accepted}")]
    [InlineData("      - {type: Accepted, status: \"Unknown\", reason: Pending, message: Waiting for controller}")]
    public void Class_whose_Accepted_condition_is_not_explicitly_False_is_not_reported(string condition)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new GatewayClassAnalyzer(), GatewayClass("internal", condition)));
    }

    [Fact]
    public void Refused_class_without_a_message_is_reported_without_an_empty_message()
    {
        Assert.Equal(
            ["GatewayClass 'internal' with a controller name 'example.com/gateway-controller' is not accepted."],
            Texts(SnapshotFixtures.Analyze(new GatewayClassAnalyzer(), GatewayClass("internal", "      - {type: Accepted, status: \"False\"}"))));
    }

    [Fact]
    public void Class_not_yet_processed_by_its_controller_is_not_reported()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new GatewayClassAnalyzer(), GatewayClass("fresh", "      []")));
    }

    [Fact]
    public void Set_based_label_selector_of_the_run_is_honoured()
    {
        var yaml = GatewayClass("internal", Rejected, "{tier: internal}") + GatewayClass("edge", Rejected, "{tier: edge}");

        var (findings, _) = SnapshotFixtures.Run(new GatewayClassAnalyzer(), SnapshotFixtures.FromYaml(yaml, selector: "tier notin (edge)"));

        Assert.Equal(["internal"], findings.Select(static f => f.ObjectName));
    }

    [Fact]
    public async Task Cluster_without_the_Gateway_API_skips_the_analyzer_with_a_note_not_an_error()
    {
        var snapshot = SnapshotFixtures.FromYaml(Header(("gateway.networking.k8s.io", "GatewayClass", "gatewayclasses", "NotServed")));

        var report = await SnapshotFixtures.RunPipelineAsync(snapshot, "GatewayClass");

        Assert.Empty(report.Errors);
        Assert.Empty(report.Results);
        Assert.Equal(["[GatewayClass] skipped: API not present (gateway.networking.k8s.io/v1 gatewayclasses is not served by this cluster)"], report.Notes);
    }

    [Fact]
    public void Gateway_analyzers_are_optional()
    {
        Assert.All(
            new IAnalyzer[] { new GatewayClassAnalyzer(), new GatewayAnalyzer(), new HttpRouteAnalyzer() },
            static a => Assert.Equal(AnalyzerTier.Optional, a.Tier));
    }
}
