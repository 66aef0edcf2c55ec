using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class DaemonSetAnalyzerTests
{
    private const string Uid = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

    private static string DaemonSet(string status, long generation = 3, string pullSecrets = "", string strategy = "type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 1, maxSurge: 0}") => $$"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-exporter
          namespace: monitoring
          uid: {{Uid}}
          generation: {{generation}}
          labels: {app: node-exporter}
        spec:
          selector:
            matchLabels: {app: node-exporter}
          updateStrategy:
            {{strategy}}
          template:
            metadata:
              labels: {app: node-exporter}
            spec:
              {{pullSecrets}}
              containers:
              - name: exporter
                image: quay.io/prometheus/node-exporter:v1.9.1
        status:
        {{status}}
        """;

    private static string Status(int desired, int ready, int updated, int unavailable, long observed = 3, int misscheduled = 0) => $"""
          currentNumberScheduled: {desired}
          desiredNumberScheduled: {desired}
          numberAvailable: {ready}
          numberMisscheduled: {misscheduled}
          numberReady: {ready}
          numberUnavailable: {unavailable}
          observedGeneration: {observed}
          updatedNumberScheduled: {updated}
        """;

    private static string Pod(string name, string phase, string ready, string containerState, string created, int restarts = 0) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: monitoring
          uid: 7c6b5a49-3828-4716-a5f4-{{name[^5..].PadLeft(12, '0')}}
          creationTimestamp: "{{created}}"
          labels: {app: node-exporter, controller-revision-hash: 6f9d8c7b5}
          ownerReferences:
          - apiVersion: apps/v1
            kind: DaemonSet
            name: node-exporter
            uid: {{Uid}}
            controller: true
            blockOwnerDeletion: true
        spec:
          nodeName: node-c
          containers:
          - name: exporter
            image: quay.io/prometheus/node-exporter:v1.9.2
        status:
          phase: {{phase}}
          conditions:
          - {type: PodScheduled, status: "True", lastTransitionTime: "{{created}}"}
          - {type: Ready, status: "{{ready}}", lastTransitionTime: "{{created}}"}
          containerStatuses:
          - name: exporter
            image: quay.io/prometheus/node-exporter:v1.9.2
            ready: false
            restartCount: {{restarts}}
            state:
              {{containerState}}
        """;

    [Fact]
    public void Fewer_ready_pods_than_scheduled_outside_a_rollout_is_reported_in_the_reference_shape()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(Status(desired: 5, ready: 3, updated: 5, unavailable: 2))));

        Assert.Equal("DaemonSet", finding.Kind);
        Assert.Equal("monitoring/node-exporter", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("DaemonSetPodsNotReady", failure.Code);
        Assert.Equal("DaemonSet monitoring/node-exporter has 3 ready replicas out of 5 scheduled", failure.Text);
        Assert.Equal("status.numberReady", failure.DocPath);
        Assert.Equal(["monitoring", "node-exporter"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Rolling_update_within_its_unavailability_budget_with_pods_starting_is_not_reported()
    {
        var yaml = DaemonSet(Status(desired: 5, ready: 4, updated: 2, unavailable: 1)) + "\n---\n"
            + Pod("node-exporter-x7k2p", "Pending", "False", "waiting: {reason: ContainerCreating}", created: "2026-11-30T11:59:30Z");

        Assert.Empty(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), yaml));
    }

    [Fact]
    public void Rolling_update_stalled_on_a_crashing_pod_is_reported_with_that_pod()
    {
        var yaml = DaemonSet(Status(desired: 5, ready: 4, updated: 2, unavailable: 1)) + "\n---\n"
            + Pod("node-exporter-x7k2p", "Running", "False", "waiting: {reason: CrashLoopBackOff, message: back-off 5m0s}", created: "2026-11-30T11:20:00Z", restarts: 9);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), yaml)).Failures);

        Assert.Equal(
            "DaemonSet monitoring/node-exporter has 4 ready replicas out of 5 scheduled; the rolling update is stalled: container exporter of pod node-exporter-x7k2p is waiting: CrashLoopBackOff",
            failure.Text);
        Assert.Equal(["monitoring", "node-exporter", "node-exporter-x7k2p", "exporter"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Rolling_update_pod_not_ready_for_longer_than_the_startup_grace_stalls_the_update()
    {
        var yaml = DaemonSet(Status(desired: 5, ready: 4, updated: 2, unavailable: 1)) + "\n---\n"
            + Pod("node-exporter-x7k2p", "Running", "False", "running: {startedAt: \"2026-11-30T11:00:10Z\"}", created: "2026-11-30T11:00:00Z");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), yaml)).Failures);

        Assert.EndsWith("; the rolling update is stalled: pod node-exporter-x7k2p is Running and not ready", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rolling_update_with_more_pods_unavailable_than_its_budget_is_reported()
    {
        Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(Status(desired: 5, ready: 2, updated: 2, unavailable: 3))));
    }

    [Fact]
    public void Percentage_budget_is_scaled_against_the_desired_count()
    {
        var status = Status(desired: 10, ready: 8, updated: 4, unavailable: 2);

        Assert.Empty(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(status, strategy: "type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 20%}")));
    }

    [Fact]
    public void OnDelete_strategy_never_counts_as_a_rolling_update()
    {
        var status = Status(desired: 5, ready: 4, updated: 2, unavailable: 1);

        Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(status, strategy: "type: OnDelete")));
    }

    [Fact]
    public void Counts_are_not_judged_while_the_controller_has_not_observed_the_latest_generation()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(Status(desired: 5, ready: 3, updated: 5, unavailable: 2, observed: 2))));
    }

    [Fact]
    public void Misscheduled_pods_are_reported()
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(Status(desired: 5, ready: 5, updated: 5, unavailable: 0, misscheduled: 2)))).Failures);

        Assert.Equal("DaemonSetMisscheduled", failure.Code);
        Assert.Equal("DaemonSet monitoring/node-exporter has 2 pod(s) running on nodes where they are not supposed to run", failure.Text);
        Assert.Equal("status.numberMisscheduled", failure.DocPath);
    }

    [Fact]
    public void Image_pull_secret_that_was_listed_and_is_absent_is_reported()
    {
        var yaml = ReadStates.Header(("", "Secret", "secrets", "Loaded"))
            + DaemonSet(Status(desired: 5, ready: 5, updated: 5, unavailable: 0), pullSecrets: "imagePullSecrets:\n      - name: quay-creds");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), yaml)).Failures);

        Assert.Equal("DaemonSetImagePullSecretMissing", failure.Code);
        Assert.Equal("DaemonSet monitoring/node-exporter references non-existent ImagePullSecret quay-creds", failure.Text);
        Assert.Equal(["monitoring", "node-exporter", "quay-creds"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Image_pull_secret_is_not_reported_missing_when_secrets_are_forbidden()
    {
        var yaml = ReadStates.Header(("", "Secret", "secrets", "Forbidden"))
            + DaemonSet(Status(desired: 5, ready: 5, updated: 5, unavailable: 0), pullSecrets: "imagePullSecrets:\n      - name: quay-creds");

        Assert.Empty(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), yaml));
    }

    [Fact]
    public void Existing_image_pull_secret_is_not_reported()
    {
        const string secret = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: quay-creds
              namespace: monitoring
              uid: 2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a
            type: kubernetes.io/dockerconfigjson
            data:
              .dockerconfigjson: e30=
            """;
        var yaml = DaemonSet(Status(desired: 5, ready: 5, updated: 5, unavailable: 0), pullSecrets: "imagePullSecrets:\n      - name: quay-creds") + "\n---\n" + secret;

        Assert.Empty(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), yaml));
    }

    [Fact]
    public void DaemonSet_with_every_pod_ready_is_healthy()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new DaemonSetAnalyzer(), DaemonSet(Status(desired: 5, ready: 5, updated: 5, unavailable: 0))));
    }

    [Fact]
    public void DaemonSet_without_spec_or_status_does_not_throw()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: bare
              namespace: monitoring
            spec:
              template:
                spec:
                  imagePullSecrets:
                  - {}
            """;

        var (findings, errors) = SnapshotFixtures.Run(new DaemonSetAnalyzer(), SnapshotFixtures.FromYaml(yaml));

        Assert.Empty(errors);
        Assert.Empty(findings);
    }
}
