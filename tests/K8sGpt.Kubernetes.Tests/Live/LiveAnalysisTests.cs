using K8sGpt.Core.Analysis;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Rendering;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Kubernetes.Dump;
using K8sGpt.Kubernetes.Live;
using K8sGpt.Testing.FakeKubernetes;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Live;

public sealed class LiveAnalysisTests
{
    private static readonly string s_cluster =
        Yaml.Namespace("shop") + Yaml.Namespace("blog")
        + Yaml.CrashingPod("shop", "cart", "cart") + Yaml.PendingPod("shop", "web") + Yaml.HealthyPod("shop", "ok")
        + Yaml.CrashingPod("blog", "writer", "writer")
        + Yaml.EventFor("shop", "cart", "BackOff", "Back-off restarting failed container")
        + """
        apiVersion: v1
        kind: Service
        metadata:
          name: headless
          namespace: shop
        spec: {}
        """;

    private static AnalysisPipeline Pipeline(params IAnalyzer[] analyzers) =>
        new(new AnalyzerCatalog(analyzers), new AnalysisRunner(Masker.Default, new FixedClock(SnapshotFixtures.Now)));

    [Fact]
    public async Task Forbidden_list_skips_only_the_analyzers_needing_it_with_a_warning_naming_verb_and_resource()
    {
        await using var cluster = await LiveCluster.StartAsync(s_cluster);
        cluster.Server.Inject(KnownResources.Pods, FakeFault.Forbidden);

        var report = await Pipeline(new PodAnalyzer(), new ServiceProbeAnalyzer()).RunAsync(
            new AnalysisRequest { Filters = ["Pod", "ServiceProbe"], Namespace = "shop" },
            new LiveClusterSource(cluster.Options),
            [],
            CancellationToken.None);

        Assert.Equal(["[Pod] skipped: forbidden (needs list on pods): list pods in namespace \"shop\""], report.Errors);
        Assert.Equal(["ServiceProbe shop/headless"], report.Results.Select(static r => $"{r.Kind} {r.Namespace}/{r.ObjectName}"));
    }

    [Fact]
    public async Task Live_pod_analysis_reports_crashing_and_pending_pods_with_their_events()
    {
        await using var cluster = await LiveCluster.StartAsync(s_cluster);

        var report = await Pipeline(new PodAnalyzer()).RunAsync(new AnalysisRequest(), new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        Assert.Equal(["blog/writer", "shop/cart", "shop/web"], report.Results.Select(static r => $"{r.Namespace}/{r.ObjectName}"));
        Assert.Empty(report.Errors);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("shop", "")]
    [InlineData("", "app=cart")]
    public async Task Live_analysis_and_analysis_of_its_dump_give_identical_json_reports(string ns, string selector)
    {
        await using var cluster = await LiveCluster.StartAsync(s_cluster);
        cluster.Server.Inject(KnownResources.ReplicaSets, FakeFault.Forbidden);
        cluster.Server.Unserve("batch/v1");
        var pipeline = Pipeline(new PodAnalyzer(), new ServiceProbeAnalyzer());
        var request = new AnalysisRequest { Filters = ["Pod", "ServiceProbe"], Namespace = ns, LabelSelector = selector };

        var live = await pipeline.RunAsync(request, new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        var snapshot = await new LiveClusterSource(cluster.Options).LoadAsync(
            DumpReads.For(pipeline.Catalog), new ScanScope(ns, Core.Selection.LabelSelector.Everything), CancellationToken.None);
        var dumpPath = Path.Combine(cluster.Directory, "dump.json");
        await SnapshotWriter.WriteFileAsync(snapshot, SnapshotFixtures.Now, dumpPath, CancellationToken.None);
        var offline = await pipeline.RunAsync(request with { Namespace = "" }, new SnapshotFileSource(dumpPath), [], CancellationToken.None);

        Assert.NotEmpty(live.Results);
        Assert.Equal(JsonReportWriter.Write(live), JsonReportWriter.Write(offline));
    }
}
