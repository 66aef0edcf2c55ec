using K8sGpt.Core.Analysis;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Integrations.Keda;
using K8sGpt.Core.Integrations.Kyverno;
using K8sGpt.Kubernetes.Live;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>Integration analyzers reading custom resources from the fake API server, served or not.</summary>
public sealed class IntegrationLiveTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: shop/web:1}]}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: orders, namespace: shop, uid: 11111111-0000-4000-8000-000000000001}
        spec: {scaleTargetRef: {name: orders}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: web, namespace: shop, uid: 11111111-0000-4000-8000-000000000002}
        spec: {scaleTargetRef: {name: web}}
        ---
        apiVersion: wgpolicyk8s.io/v1alpha2
        kind: PolicyReport
        metadata: {name: r1, namespace: shop}
        scope: {kind: Deployment, namespace: shop, name: web}
        results: [{policy: require-limits, result: fail, message: limits missing}]
        """;

    private static AnalysisPipeline Pipeline() =>
        new(new AnalyzerCatalog([new ScaledObjectAnalyzer(), PolicyReportAnalyzer.Namespaced()]), new AnalysisRunner(Masker.Default, new FixedClock(SnapshotFixtures.Now)));

    [Fact]
    public async Task Served_custom_resources_are_listed_and_analyzed_as_generic_objects()
    {
        var pipeline = Pipeline(); // registers the custom resource types before the fake server reads its objects
        await using var cluster = await LiveCluster.StartAsync(Cluster);

        var report = await pipeline.RunAsync(
            new AnalysisRequest { Filters = ["ScaledObject", "PolicyReport"] }, new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal(["PolicyReport shop/r1", "ScaledObject shop/orders"], report.Results.Select(static f => $"{f.Kind} {f.Name}"));
        Assert.Equal("ScaledObject uses Deployment/orders as ScaleTargetRef which does not exist.", report.Results[1].Failures[0].Text);
        Assert.Single(cluster.Server.Requests.To("/apis/keda.sh/v1alpha1/scaledobjects"));
    }

    [Fact]
    public async Task Unserved_api_group_skips_its_analyzer_with_a_note_and_no_error()
    {
        var pipeline = Pipeline();
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        cluster.Server.Unserve("keda.sh/v1alpha1");

        var report = await pipeline.RunAsync(
            new AnalysisRequest { Filters = ["ScaledObject", "PolicyReport"] }, new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal(["[ScaledObject] skipped: API not present (keda.sh/v1alpha1 scaledobjects is not served by this cluster)"], report.Notes);
        Assert.Equal(["PolicyReport shop/r1"], report.Results.Select(static f => $"{f.Kind} {f.Name}"));
        Assert.Empty(cluster.Server.Requests.To("/apis/keda.sh/v1alpha1/scaledobjects"));
    }

    [Fact]
    public async Task Served_resource_check_tells_served_from_unserved_with_discovery_only()
    {
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        cluster.Server.Unserve("aquasecurity.github.io/v1alpha1");

        var served = await new ServedResourceCheck(cluster.Options).CheckAsync(
            [IntegrationResources.ScaledObjects, IntegrationResources.VulnerabilityReports], CancellationToken.None);

        Assert.True(served[IntegrationResources.ScaledObjects]);
        Assert.False(served[IntegrationResources.VulnerabilityReports]);
        Assert.DoesNotContain(cluster.Server.Requests.All, static r => r.Path.EndsWith("scaledobjects", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Policy_reports_served_only_at_v1beta1_are_read_there()
    {
        var pipeline = Pipeline();
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        cluster.Server.ServeAlsoAt(IntegrationResources.PolicyReports, "v1beta1");
        cluster.Server.Unserve("wgpolicyk8s.io/v1alpha2");

        var report = await pipeline.RunAsync(
            new AnalysisRequest { Filters = ["PolicyReport"] }, new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Notes);
        Assert.Equal(["PolicyReport shop/r1"], report.Results.Select(static f => $"{f.Kind} {f.Name}"));
        Assert.Single(cluster.Server.Requests.To("/apis/wgpolicyk8s.io/v1beta1/policyreports"));
        Assert.Empty(cluster.Server.Requests.To("/apis/wgpolicyk8s.io/v1alpha2/policyreports"));
    }
}
