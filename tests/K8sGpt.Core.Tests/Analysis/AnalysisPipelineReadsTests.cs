using K8sGpt.Core.Analysis;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Tests.Analysis;

public sealed class AnalysisPipelineReadsTests
{
    [Fact]
    public void A_workload_analyzer_alone_keeps_its_own_kind_primary_so_the_selector_reaches_the_api_server()
    {
        var reads = AnalysisPipeline.ReadsOf([new DeploymentAnalyzer()]);

        Assert.Equal(ReadRole.Primary, reads.Single(r => r.Type == KnownResources.Deployments).Role);
        Assert.Equal(ReadRole.Lookup, reads.Single(r => r.Type == KnownResources.ReplicaSets).Role);
    }

    [Fact]
    public void A_kind_another_analyzer_looks_up_is_read_whole()
    {
        var reads = AnalysisPipeline.ReadsOf([new DeploymentAnalyzer(), new PodAnalyzer()]);

        Assert.Equal(ReadRole.Lookup, reads.Single(r => r.Type == KnownResources.Deployments).Role);
        Assert.Single(reads, r => r.Type == KnownResources.Deployments);
    }
}
