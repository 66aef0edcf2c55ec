using K8sGpt.Core.Analysis;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>Custom resources read live: found through discovery, at any served version, skipped with a note when absent.</summary>
public sealed class CustomResourceTests
{
    private const string GatewayGroup = "gateway.networking.k8s.io";

    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {kubernetes.io/metadata.name: shop}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: internal}
        spec: {controllerName: example.com/gateway-controller}
        status:
          conditions:
          - {type: Accepted, status: "False", reason: InvalidParameters, message: bad parameters}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: public, namespace: shop}
        spec:
          gatewayClassName: missing
          listeners: [{name: http, port: 80, protocol: HTTP}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: store, namespace: shop}
        spec:
          parentRefs: [{name: gone}]
        ---
        apiVersion: operators.coreos.com/v1alpha1
        kind: CatalogSource
        metadata: {name: community, namespace: olm}
        spec: {sourceType: grpc}
        status:
          connectionState: {address: "community.olm.svc:50051", lastObservedState: TRANSIENT_FAILURE}
        """;

    private static readonly string[] s_gatewayFilters = ["GatewayClass", "Gateway", "HTTPRoute"];

    private static readonly string[] s_gatewayFindings =
    [
        "Gateway shop/public: Gateway uses the GatewayClass missing which does not exist.",
        "GatewayClass internal: GatewayClass 'internal' with a controller name 'example.com/gateway-controller' is not accepted. Message: 'bad parameters'.",
        "HTTPRoute shop/store: HTTPRoute uses the Gateway 'shop/gone' which does not exist.",
    ];

    private static Task<Core.Findings.AnalysisReport> AnalyzeAsync(LiveCluster cluster, params string[] filters) =>
        new AnalysisPipeline(AnalyzerCatalog.Default, new AnalysisRunner(Masker.Default, new FixedClock(SnapshotFixtures.Now)))
            .RunAsync(new AnalysisRequest { Filters = filters }, new LiveClusterSource(cluster.Options), [], CancellationToken.None);

    private static string[] Lines(Core.Findings.AnalysisReport report) =>
        [.. report.Results.SelectMany(static r => r.Failures.Select(f => $"{r.Kind} {r.Name}: {f.Text}"))];

    [Fact]
    public async Task Served_custom_resources_are_listed_and_analysed()
    {
        await using var cluster = await LiveCluster.StartAsync(Cluster);

        var report = await AnalyzeAsync(cluster, [.. s_gatewayFilters, "CatalogSource"]);

        Assert.Empty(report.Errors);
        Assert.Equal(
            ["CatalogSource olm/community: connectionState=TRANSIENT_FAILURE (address=community.olm.svc:50051)", .. s_gatewayFindings],
            Lines(report));
        Assert.Single(cluster.Server.Requests.To("/apis/gateway.networking.k8s.io/v1/httproutes"));
        Assert.Single(cluster.Server.Requests.To("/apis/operators.coreos.com/v1alpha1/catalogsources"));
    }

    [Fact]
    public async Task Absent_API_group_skips_its_analyzers_with_a_note_and_no_request_for_it()
    {
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        cluster.Server.Unserve($"{GatewayGroup}/v1");
        cluster.Server.Unserve($"{GatewayGroup}/v1beta1");

        var report = await AnalyzeAsync(cluster, s_gatewayFilters);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Results);
        Assert.Equal(
        [
            "[GatewayClass] skipped: API not present (gateway.networking.k8s.io/v1 gatewayclasses is not served by this cluster)",
            "[Gateway] skipped: API not present (gateway.networking.k8s.io/v1 gateways is not served by this cluster)",
            "[HTTPRoute] skipped: API not present (gateway.networking.k8s.io/v1 httproutes is not served by this cluster)",
        ], report.Notes);
        Assert.DoesNotContain(cluster.Server.Requests.All, static r => r.Path.StartsWith($"/apis/{GatewayGroup}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cluster_without_OLM_skips_the_OLM_analyzers_with_notes_and_no_errors()
    {
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        cluster.Server.Unserve("operators.coreos.com/v1alpha1");
        cluster.Server.Unserve("operators.coreos.com/v1");
        cluster.Server.Unserve("olm.operatorframework.io/v1");

        var report = await AnalyzeAsync(cluster, "ClusterCatalog", "ClusterExtension", "ClusterServiceVersion", "Subscription", "InstallPlan", "CatalogSource", "OperatorGroup");

        Assert.Empty(report.Errors);
        Assert.Empty(report.Results);
        Assert.Equal(7, report.Notes.Count);
        Assert.All(report.Notes, static n => Assert.Contains("skipped: API not present", n, StringComparison.Ordinal));
        Assert.DoesNotContain(cluster.Server.Requests.All, static r => r.Path.StartsWith("/apis/operators.coreos.com", StringComparison.Ordinal) || r.Path.StartsWith("/apis/olm.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_API_served_only_at_v1beta1_is_still_analysed()
    {
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        foreach (var type in new[] { CustomResources.GatewayClasses, CustomResources.Gateways, CustomResources.HttpRoutes })
        {
            cluster.Server.ServeAlsoAt(type, "v1beta1");
        }

        cluster.Server.Unserve($"{GatewayGroup}/v1");

        var report = await AnalyzeAsync(cluster, s_gatewayFilters);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Notes);
        Assert.Equal(s_gatewayFindings, Lines(report));
        Assert.Single(cluster.Server.Requests.To("/apis/gateway.networking.k8s.io/v1beta1/gateways"));
        Assert.Empty(cluster.Server.Requests.To("/apis/gateway.networking.k8s.io/v1/gateways"));
    }

    [Fact]
    public async Task Aggregated_discovery_finds_the_v1beta1_version_too()
    {
        await using var cluster = await LiveCluster.StartAsync(Cluster);
        cluster.Server.AggregatedDiscovery = true;
        foreach (var type in new[] { CustomResources.GatewayClasses, CustomResources.Gateways, CustomResources.HttpRoutes })
        {
            cluster.Server.ServeAlsoAt(type, "v1beta1");
        }

        cluster.Server.Unserve($"{GatewayGroup}/v1");

        var report = await AnalyzeAsync(cluster, s_gatewayFilters);

        Assert.Equal(s_gatewayFindings, Lines(report));
        Assert.Single(cluster.Server.Requests.To("/apis/gateway.networking.k8s.io/v1beta1/httproutes"));
    }
}
