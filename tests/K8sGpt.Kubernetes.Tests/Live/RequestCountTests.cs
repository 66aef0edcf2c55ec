using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live;

namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>What a run of the default analyzer set costs in API requests.</summary>
public sealed class RequestCountTests
{
    private static readonly IReadOnlyList<ResourceRead> s_defaultReads =
        AnalysisPipeline.ReadsOf(AnalyzerCatalog.Default.Select([], []).Analyzers);

    private static int GroupVersions => s_defaultReads.Select(static r => r.Type.ApiVersion).Distinct().Count();

    [Fact]
    public async Task Default_analyzers_cost_three_discovery_requests_one_per_group_version_and_one_list_per_type()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.ManyPods(30));

        var report = await new AnalysisPipeline().RunAsync(new AnalysisRequest(), new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        // /version, /api, /apis; then /api/v1 or /apis/<group>/<version> per group/version read; then the lists.
        Assert.Equal(3 + GroupVersions + s_defaultReads.Count, cluster.Server.Requests.Count);
        Assert.Equal(cluster.Server.Requests.Count, report.Snapshot.ApiRequests);
        Assert.All(s_defaultReads, read => Assert.Single(cluster.Server.Requests.All, r => r.Path.EndsWith("/" + read.Type.Plural, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_aggregated_discovery_the_default_analyzers_cost_three_requests_plus_one_list_per_type()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.ManyPods(30));
        cluster.Server.AggregatedDiscovery = true;

        var report = await new AnalysisPipeline().RunAsync(new AnalysisRequest(), new LiveClusterSource(cluster.Options), [], CancellationToken.None);

        Assert.Equal(3 + s_defaultReads.Count, report.Snapshot.ApiRequests);
        Assert.Equal(report.Snapshot.ApiRequests, cluster.Server.Requests.Count);
        Assert.NotEmpty(report.Results);
    }

    [Fact]
    public async Task Aggregated_discovery_still_marks_an_unserved_group_as_not_served_without_a_request()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.ManyPods(3));
        cluster.Server.AggregatedDiscovery = true;
        cluster.Server.Unserve("batch/v1");

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Jobs)]);

        Assert.Equal(ReadState.NotServed, snapshot.StatusOf(KnownResources.Jobs).State);
        Assert.Equal(["GET /version", "GET /api", "GET /apis", "GET /api/v1/pods?limit=500"], cluster.Server.Requests.All.Select(static r => r.ToString()));
    }
}
