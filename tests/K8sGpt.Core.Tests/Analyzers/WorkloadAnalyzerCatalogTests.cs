using K8sGpt.Core.Analysis;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class WorkloadAnalyzerCatalogTests
{
    [Theory]
    [InlineData("Deployment")]
    [InlineData("ReplicaSet")]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("Job")]
    [InlineData("CronJob")]
    public void Workload_analyzer_is_a_core_analyzer_under_its_filter_name(string name)
    {
        var analyzer = AnalyzerCatalog.Default.Get(name.ToLowerInvariant());

        Assert.NotNull(analyzer);
        Assert.Equal(name, analyzer.Name);
        Assert.Equal(AnalyzerTier.Core, analyzer.Tier);
        Assert.Contains(name, AnalyzerCatalog.Default.CoreNames);
    }

    [Theory]
    [InlineData("StatefulSet", "services,storageclasses.storage.k8s.io,pods,events")]
    [InlineData("DaemonSet", "secrets,pods")]
    [InlineData("Job", "cronjobs.batch")]
    [InlineData("CronJob", "jobs.batch")]
    public void Every_type_an_analyzer_looks_up_is_declared_so_the_live_source_lists_it(string name, string lookups)
    {
        var reads = AnalyzerCatalog.Default.Get(name)!.Reads
            .Where(static r => r.Role == ReadRole.Lookup)
            .Select(static r => r.Type.Resource)
            .ToArray();

        Assert.All(lookups.Split(','), expected => Assert.Contains(expected, reads));
    }

    [Fact]
    public async Task Pipeline_reports_workload_findings_sorted_and_with_masks_for_their_sensitive_values()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              namespace: shop
              uid: 5d4c3b2a-1908-4f7e-8d6c-5b4a39281706
            spec:
              backoffLimit: 1
            status:
              failed: 2
              conditions:
              - type: Failed
                status: "True"
                reason: BackoffLimitExceeded
                message: Job has reached the specified backoff limit
                lastTransitionTime: "2026-11-30T10:00:00Z"
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              namespace: shop
              uid: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
              generation: 2
            spec:
              replicas: 2
            status:
              observedGeneration: 2
              replicas: 2
              readyReplicas: 0
              availableReplicas: 0
              conditions:
              - type: Progressing
                status: "False"
                reason: ProgressDeadlineExceeded
                message: ReplicaSet "api-6c9f8d7b5" has timed out progressing.
            """;

        var report = await SnapshotFixtures.RunPipelineAsync(SnapshotFixtures.FromYaml(yaml), "Job", "Deployment");

        Assert.Equal(["Deployment", "Job"], report.Results.Select(static f => f.Kind));
        var sensitive = report.Results.SelectMany(static f => f.Failures).SelectMany(static f => f.Sensitive).ToArray();
        Assert.Contains(sensitive, static s => s.Unmasked == "api" && s.Masked.Length > 0 && s.Masked != "api");
        Assert.Contains(sensitive, static s => s.Unmasked == "migrate" && s.Masked.Length > 0);
    }
}
