using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class ServiceAnalyzersRegistrationTests
{
    [Theory]
    [InlineData("Pod")]
    [InlineData("Service")]
    [InlineData("Ingress")]
    [InlineData("PersistentVolumeClaim")]
    [InlineData("Node")]
    [InlineData("MutatingWebhookConfiguration")]
    [InlineData("ValidatingWebhookConfiguration")]
    [InlineData("ConfigMap")]
    public void Analyzer_is_registered_as_a_core_filter(string name)
    {
        Assert.Contains(name, AnalyzerCatalog.Default.CoreNames);
    }

    [Theory]
    [InlineData("Service", "EndpointSlice")]
    [InlineData("Service", "Endpoints")]
    [InlineData("Service", "Event")]
    [InlineData("Ingress", "IngressClass")]
    [InlineData("Ingress", "Service")]
    [InlineData("Ingress", "Secret")]
    [InlineData("PersistentVolumeClaim", "StorageClass")]
    [InlineData("PersistentVolumeClaim", "Event")]
    [InlineData("MutatingWebhookConfiguration", "Service")]
    [InlineData("ValidatingWebhookConfiguration", "Pod")]
    [InlineData("ConfigMap", "CronJob")]
    [InlineData("ConfigMap", "Pod")]
    [InlineData("Pod", "Job")]
    public void Analyzer_declares_the_types_it_looks_up(string analyzer, string lookupKind)
    {
        var reads = AnalyzerCatalog.Default.Get(analyzer)!.Reads;

        Assert.Contains(reads, r => r.Role == ReadRole.Lookup && r.Type.Kind == lookupKind);
    }

    [Fact]
    public async Task Pipeline_reports_webhook_results_by_configuration_and_webhook_name()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: Service
            metadata: {name: other, namespace: default}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata: {name: gatekeeper}
            webhooks:
            - name: validation.gatekeeper.sh
              failurePolicy: Ignore
              clientConfig: {service: {namespace: default, name: gatekeeper-webhook-service}}
            """);

        var report = await SnapshotFixtures.RunPipelineAsync(snapshot, "ValidatingWebhookConfiguration");

        Assert.Equal(["gatekeeper/validation.gatekeeper.sh"], report.Results.Select(static f => f.Name));
    }
}
