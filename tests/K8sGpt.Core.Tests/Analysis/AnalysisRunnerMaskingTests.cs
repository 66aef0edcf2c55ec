using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analysis;

/// <summary>Names the cluster wrote into a message (not the analyzer) are still marked sensitive and masked.</summary>
public sealed class AnalysisRunnerMaskingTests
{
    [Fact]
    public async Task Names_of_snapshot_objects_quoted_in_a_cluster_message_are_sensitive_and_masked()
    {
        const string yaml = """
            apiVersion: v1
            kind: Node
            metadata: {name: worker-2}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: shop-quota, namespace: shop}
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: pv-1}
            spec: {persistentVolumeReclaimPolicy: Delete}
            status: {phase: Failed, message: "disk is already being used by worker-2 (quota shop-quota)"}
            """;

        var report = await SnapshotFixtures.RunPipelineAsync(SnapshotFixtures.FromYaml(yaml), "Storage");

        var failure = Assert.Single(Assert.Single(report.Results).Failures);
        Assert.Equal(["pv-1", "worker-2", "shop-quota"], failure.Sensitive.Select(static s => s.Unmasked));
        Assert.All(failure.Sensitive, static s => Assert.NotEqual(s.Unmasked, s.Masked));
    }
}
