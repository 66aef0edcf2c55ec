using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Integrations.Keda;
using K8sGpt.Core.Integrations.Trivy;

namespace K8sGpt.Core.Tests.Analyzers.Integrations;

/// <summary>OLM and integration analyzers say which lookups they could not make because a type was not read.</summary>
public sealed class IntegrationLookupNoteTests
{
    [Fact]
    public void ScaledObject_notes_its_unread_target_and_managed_HPA()
    {
        const string yaml = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: web, namespace: shop}
            spec:
              scaleTargetRef: {name: web}
              triggers: [{type: cpu, metadata: {value: '50'}}]
            """;

        var (findings, notes) = NotChecked.Run(new ScaledObjectAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(
        [
            "[ScaledObject] deployments.apps not in this snapshot: 1 scaleTargetRef not checked",
            "[ScaledObject] horizontalpodautoscalers.autoscaling not in this snapshot: 1 KEDA-managed HorizontalPodAutoscaler not checked",
        ], notes);
    }

    [Fact]
    public void Trivy_report_notes_that_the_owner_of_its_workload_could_not_be_looked_for()
    {
        const string yaml = """
            apiVersion: aquasecurity.github.io/v1alpha1
            kind: VulnerabilityReport
            metadata:
              name: replicaset-web-6d4cf56db6-app
              namespace: shop
              labels:
                trivy-operator.resource.kind: ReplicaSet
                trivy-operator.resource.name: web-6d4cf56db6
                trivy-operator.resource.namespace: shop
            report:
              artifact: {repository: library/nginx, tag: '1.19'}
              vulnerabilities: [{vulnerabilityID: CVE-2021-1, severity: CRITICAL}]
            """;

        var (findings, notes) = NotChecked.Run(new VulnerabilityReportAnalyzer(), yaml);

        Assert.Equal("ReplicaSet/web-6d4cf56db6", Assert.Single(findings).ParentObject);
        Assert.Equal(["[VulnerabilityReport] replicasets.apps not in this snapshot: 1 workload owner not checked"], notes);
    }

    [Fact]
    public void OperatorGroup_notes_namespaces_whose_groups_were_not_read()
    {
        const string yaml = """
            apiVersion: operators.coreos.com/v1alpha1
            kind: Subscription
            metadata: {name: redis, namespace: team-b}
            spec: {name: redis, channel: stable, source: operatorhubio, sourceNamespace: olm}
            """;

        var (findings, notes) = NotChecked.Run(new OperatorGroupAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(["[OperatorGroup] operatorgroups.operators.coreos.com not in this snapshot: 1 namespace with Subscriptions not checked"], notes);
    }
}
