using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class ReplicaSetAnalyzerTests
{
    private const string OwningDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: prod
          uid: 6b1f0d3c-2a4e-4c55-9f1e-0c2d7a9e1b01
          generation: 4
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1.4.2
        status:
          observedGeneration: 4
          replicas: 2
          readyReplicas: 2
          availableReplicas: 2
        """;

    private static string ReplicaSet(string status) => $$"""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-7d4b9c6f58
          namespace: prod
          uid: 0f8e2b51-93c7-4f1a-a8d2-5c3b1e7f9a10
          generation: 1
          labels: {app: web, pod-template-hash: 7d4b9c6f58}
          annotations:
            deployment.kubernetes.io/desired-replicas: "3"
            deployment.kubernetes.io/revision: "4"
          ownerReferences:
          - apiVersion: apps/v1
            kind: Deployment
            name: web
            uid: 6b1f0d3c-2a4e-4c55-9f1e-0c2d7a9e1b01
            controller: true
            blockOwnerDeletion: true
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web, pod-template-hash: 7d4b9c6f58}
          template:
            metadata:
              labels: {app: web, pod-template-hash: 7d4b9c6f58}
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1.4.2
        status:
        {{status}}
        """;

    private const string QuotaBlockedThirdPod = """
          observedGeneration: 1
          replicas: 2
          fullyLabeledReplicas: 2
          readyReplicas: 2
          availableReplicas: 2
          conditions:
          - type: ReplicaFailure
            status: "True"
            reason: FailedCreate
            message: 'pods "web-7d4b9c6f58-x2kqp" is forbidden: exceeded quota: compute, requested: limits.cpu=500m, used: limits.cpu=2, limited: limits.cpu=2'
            lastTransitionTime: "2026-11-30T11:50:00Z"
        """;

    [Fact]
    public void FailedCreate_is_reported_even_when_some_pods_exist()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new ReplicaSetAnalyzer(), ReplicaSet(QuotaBlockedThirdPod)));

        Assert.Equal("ReplicaSet", finding.Kind);
        Assert.Equal("prod/web-7d4b9c6f58", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("ReplicaSetFailedCreate", failure.Code);
        Assert.Equal(
            "pods \"web-7d4b9c6f58-x2kqp\" is forbidden: exceeded quota: compute, requested: limits.cpu=500m, used: limits.cpu=2, limited: limits.cpu=2",
            failure.Text);
        Assert.Equal("status.conditions", failure.DocPath);
        Assert.Equal(["prod", "web-7d4b9c6f58", "web-7d4b9c6f58-x2kqp"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Parent_is_the_owning_deployment()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new ReplicaSetAnalyzer(), OwningDeployment + "\n---\n" + ReplicaSet(QuotaBlockedThirdPod)));

        Assert.Equal("Deployment/web", finding.ParentObject);
    }

    [Fact]
    public void ReplicaFailure_with_status_False_is_not_reported()
    {
        var resolved = QuotaBlockedThirdPod.Replace("status: \"True\"", "status: \"False\"", StringComparison.Ordinal);

        Assert.Empty(SnapshotFixtures.Analyze(new ReplicaSetAnalyzer(), ReplicaSet(resolved)));
    }

    [Fact]
    public void ReplicaSet_with_all_pods_and_no_conditions_is_healthy()
    {
        const string status = """
              observedGeneration: 1
              replicas: 3
              fullyLabeledReplicas: 3
              readyReplicas: 3
              availableReplicas: 3
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ReplicaSetAnalyzer(), ReplicaSet(status)));
    }

    [Fact]
    public void ReplicaFailure_without_a_message_is_described_from_its_reason()
    {
        const string status = """
              replicas: 0
              conditions:
              - type: ReplicaFailure
                status: "True"
                reason: FailedDelete
            """;

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new ReplicaSetAnalyzer(), ReplicaSet(status))).Failures);

        Assert.Equal("ReplicaSetReplicaFailure", failure.Code);
        Assert.Equal("ReplicaSet prod/web-7d4b9c6f58 has condition ReplicaFailure=True, reason FailedDelete", failure.Text);
    }

    [Fact]
    public void ReplicaSet_without_spec_or_status_does_not_throw()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: bare
              namespace: prod
            status:
              conditions:
              - type: ReplicaFailure
            """;

        var (findings, errors) = SnapshotFixtures.Run(new ReplicaSetAnalyzer(), SnapshotFixtures.FromYaml(yaml));

        Assert.Empty(errors);
        Assert.Empty(findings);
    }
}
