using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class DeploymentAnalyzerTests
{
    private static string Deployment(string replicas = "replicas: 3", string status = "", long generation = 4, string extraSpec = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: prod
          uid: 6b1f0d3c-2a4e-4c55-9f1e-0c2d7a9e1b01
          generation: {{generation}}
          creationTimestamp: "2026-11-01T08:00:00Z"
          labels: {app: web}
        spec:
          {{replicas}}
          progressDeadlineSeconds: 600
          revisionHistoryLimit: 10
          selector:
            matchLabels: {app: web}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
          {{extraSpec}}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1.4.2
        status:
        {{status}}
        """;

    private const string CompletedRolloutOneOfThree = """
          observedGeneration: 4
          replicas: 3
          updatedReplicas: 3
          readyReplicas: 1
          availableReplicas: 1
          unavailableReplicas: 2
          conditions:
          - type: Available
            status: "False"
            reason: MinimumReplicasUnavailable
            message: Deployment does not have minimum availability.
            lastUpdateTime: "2026-11-30T11:40:00Z"
            lastTransitionTime: "2026-11-30T11:40:00Z"
          - type: Progressing
            status: "True"
            reason: NewReplicaSetAvailable
            message: ReplicaSet "web-7d4b9c6f58" has successfully progressed.
            lastUpdateTime: "2026-11-29T10:00:00Z"
            lastTransitionTime: "2026-11-29T09:58:00Z"
        """;

    [Fact]
    public void Replica_shortfall_after_a_completed_rollout_is_reported_in_the_reference_shape()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: CompletedRolloutOneOfThree)));

        Assert.Equal("Deployment", finding.Kind);
        Assert.Equal("prod/web", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("DeploymentReplicasUnavailable", failure.Code);
        Assert.Equal("Deployment prod/web has 3 replicas but 1 are available with status running", failure.Text);
        Assert.Equal("spec.replicas", failure.DocPath);
        Assert.Equal(["prod", "web"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Rollout_that_is_progressing_with_ReplicaSetUpdated_is_not_reported()
    {
        const string status = """
              observedGeneration: 4
              replicas: 4
              updatedReplicas: 2
              readyReplicas: 2
              availableReplicas: 2
              unavailableReplicas: 2
              conditions:
              - type: Available
                status: "True"
                reason: MinimumReplicasAvailable
                message: Deployment has minimum availability.
                lastUpdateTime: "2026-11-29T10:00:00Z"
                lastTransitionTime: "2026-11-29T10:00:00Z"
              - type: Progressing
                status: "True"
                reason: ReplicaSetUpdated
                message: ReplicaSet "web-5f6c8d7b94" is progressing.
                lastUpdateTime: "2026-11-30T11:58:30Z"
                lastTransitionTime: "2026-11-30T11:57:00Z"
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status)));
    }

    [Fact]
    public void Progressing_condition_not_updated_for_longer_than_the_deadline_no_longer_hides_the_shortfall()
    {
        const string status = """
              observedGeneration: 4
              replicas: 4
              updatedReplicas: 2
              readyReplicas: 2
              availableReplicas: 2
              conditions:
              - type: Progressing
                status: "True"
                reason: ReplicaSetUpdated
                message: ReplicaSet "web-5f6c8d7b94" is progressing.
                lastUpdateTime: "2026-11-30T10:00:00Z"
                lastTransitionTime: "2026-11-30T10:00:00Z"
            """;

        var finding = Assert.Single(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status)));

        Assert.Equal("Deployment prod/web has 3 replicas but 2 are available with status running", Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public void Shortfall_is_not_judged_while_the_controller_has_not_observed_the_latest_generation()
    {
        var stale = CompletedRolloutOneOfThree.Replace("observedGeneration: 4", "observedGeneration: 3", StringComparison.Ordinal);

        Assert.Empty(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: stale)));
    }

    [Fact]
    public void Progress_deadline_exceeded_is_reported_even_when_replica_counts_match()
    {
        const string status = """
              observedGeneration: 4
              replicas: 4
              updatedReplicas: 1
              readyReplicas: 3
              availableReplicas: 3
              unavailableReplicas: 1
              conditions:
              - type: Available
                status: "True"
                reason: MinimumReplicasAvailable
                message: Deployment has minimum availability.
                lastUpdateTime: "2026-11-29T10:00:00Z"
                lastTransitionTime: "2026-11-29T10:00:00Z"
              - type: Progressing
                status: "False"
                reason: ProgressDeadlineExceeded
                message: ReplicaSet "web-5f6c8d7b94" has timed out progressing.
                lastUpdateTime: "2026-11-30T11:30:00Z"
                lastTransitionTime: "2026-11-30T11:30:00Z"
            """;

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status))).Failures);

        Assert.Equal("DeploymentNotProgressing", failure.Code);
        Assert.Equal(
            "Deployment prod/web has condition Progressing=False, reason ProgressDeadlineExceeded: ReplicaSet \"web-5f6c8d7b94\" has timed out progressing.",
            failure.Text);
        Assert.Equal("status.conditions", failure.DocPath);
    }

    [Fact]
    public void ReplicaFailure_from_a_quota_rejection_is_reported()
    {
        const string status = """
              observedGeneration: 4
              replicas: 3
              updatedReplicas: 3
              readyReplicas: 3
              availableReplicas: 3
              conditions:
              - type: Available
                status: "True"
                reason: MinimumReplicasAvailable
                message: Deployment has minimum availability.
                lastUpdateTime: "2026-11-29T10:00:00Z"
                lastTransitionTime: "2026-11-29T10:00:00Z"
              - type: ReplicaFailure
                status: "True"
                reason: FailedCreate
                message: 'pods "web-7d4b9c6f58-x2kqp" is forbidden: exceeded quota: compute, requested: limits.cpu=500m, used: limits.cpu=2, limited: limits.cpu=2'
                lastUpdateTime: "2026-11-30T11:50:00Z"
                lastTransitionTime: "2026-11-30T11:50:00Z"
              - type: Progressing
                status: "True"
                reason: NewReplicaSetAvailable
                message: ReplicaSet "web-7d4b9c6f58" has successfully progressed.
                lastUpdateTime: "2026-11-29T10:00:00Z"
                lastTransitionTime: "2026-11-29T09:58:00Z"
            """;

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status))).Failures);

        Assert.Equal("DeploymentReplicaFailure", failure.Code);
        Assert.StartsWith("Deployment prod/web has condition ReplicaFailure=True, reason FailedCreate: pods \"web-7d4b9c6f58-x2kqp\" is forbidden: exceeded quota", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_spec_replicas_means_one_replica()
    {
        const string status = """
              observedGeneration: 4
              replicas: 1
              updatedReplicas: 1
              unavailableReplicas: 1
              conditions:
              - type: Progressing
                status: "True"
                reason: NewReplicaSetAvailable
                message: ReplicaSet "web-7d4b9c6f58" has successfully progressed.
                lastUpdateTime: "2026-11-29T10:00:00Z"
                lastTransitionTime: "2026-11-29T09:58:00Z"
            """;

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(replicas: "", status: status))).Failures);

        Assert.Equal("Deployment prod/web has 1 replicas but 0 are available with status running", failure.Text);
    }

    [Fact]
    public void Missing_spec_replicas_with_one_available_pod_is_healthy()
    {
        const string status = """
              observedGeneration: 4
              replicas: 1
              updatedReplicas: 1
              readyReplicas: 1
              availableReplicas: 1
              conditions:
              - type: Progressing
                status: "True"
                reason: NewReplicaSetAvailable
                message: ReplicaSet "web-7d4b9c6f58" has successfully progressed.
                lastUpdateTime: "2026-11-29T10:00:00Z"
                lastTransitionTime: "2026-11-29T09:58:00Z"
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(replicas: "", status: status)));
    }

    [Fact]
    public void Pods_ready_but_still_within_minReadySeconds_are_not_a_shortfall()
    {
        var status = CompletedRolloutOneOfThree.Replace("readyReplicas: 1", "readyReplicas: 3", StringComparison.Ordinal);

        Assert.Empty(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status, extraSpec: "minReadySeconds: 30")));
    }

    [Fact]
    public void Shortfall_of_a_paused_deployment_is_reported_and_says_it_is_paused()
    {
        const string status = """
              observedGeneration: 4
              replicas: 3
              readyReplicas: 2
              availableReplicas: 2
              conditions:
              - type: Progressing
                status: Unknown
                reason: DeploymentPaused
                message: Deployment is paused
                lastUpdateTime: "2026-11-30T09:00:00Z"
                lastTransitionTime: "2026-11-30T09:00:00Z"
            """;

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status, extraSpec: "paused: true"))).Failures);

        Assert.Equal("Deployment prod/web has 3 replicas but 2 are available with status running (the rollout is paused)", failure.Text);
    }

    [Fact]
    public void Deployment_with_every_replica_available_is_healthy()
    {
        var status = CompletedRolloutOneOfThree
            .Replace("readyReplicas: 1", "readyReplicas: 3", StringComparison.Ordinal)
            .Replace("availableReplicas: 1", "availableReplicas: 3", StringComparison.Ordinal);

        Assert.Empty(SnapshotFixtures.Analyze(new DeploymentAnalyzer(), Deployment(status: status)));
    }

    [Fact]
    public void Deployment_without_spec_or_status_does_not_throw()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bare
              namespace: prod
            status:
              conditions:
              - type: Progressing
            """;

        var (findings, errors) = SnapshotFixtures.Run(new DeploymentAnalyzer(), SnapshotFixtures.FromYaml(yaml));

        Assert.Empty(errors);
        var finding = Assert.Single(findings);
        Assert.Equal("Deployment prod/bare has 1 replicas but 0 are available with status running", Assert.Single(finding.Failures).Text);
    }
}
