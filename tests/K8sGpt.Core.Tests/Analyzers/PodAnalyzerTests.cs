using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class PodAnalyzerTests
{
    private const string PodUid = "a1b2c3d4-0000-4000-8000-00000000f00d";

    private static string Pod(string status, string owner = "", string name = "web-7d9f8b6c5d-x2k4q", string metaExtra = "") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: shop
          uid: {PodUid}
          creationTimestamp: "2026-11-30T10:00:00Z"
          labels: {"{app: web, pod-template-hash: 7d9f8b6c5d}"}
        {owner}
        {metaExtra}
        spec:
          nodeName: worker-1
          restartPolicy: Always
          containers:
          - {"{name: web, image: registry.example.com/web:1.4.2}"}
        status:
        {status}
        ---

        """;

    private static string Running(string containerStatus, string phase = "Running") => $"""
          phase: {phase}
          podIP: 10.244.1.17
          startTime: "2026-11-30T10:00:01Z"
          containerStatuses:
        {containerStatus}
        """;

    private static string Event(string reason, string message, string time, string type = "Warning") => $"""
        apiVersion: v1
        kind: Event
        metadata: {"{"}name: web.{reason.ToLowerInvariant()}, namespace: shop{"}"}
        involvedObject: {"{"}apiVersion: v1, kind: Pod, name: web-7d9f8b6c5d-x2k4q, namespace: shop, uid: {PodUid}, fieldPath: "spec.containers{"{web}"}"{"}"}
        type: {type}
        reason: {reason}
        message: "{message}"
        count: 12
        lastTimestamp: "{time}"
        ---

        """;

    private static IReadOnlyList<string> TextsOf(string yaml) => Texts(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml));

    [Fact]
    public void Running_ready_pod_is_healthy()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: true
                started: true
                restartCount: 0
                image: registry.example.com/web:1.4.2
                state: {running: {startedAt: "2026-11-30T10:00:03Z"}}
            """));

        Assert.Empty(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml));
    }

    [Fact]
    public void Running_container_whose_last_termination_was_an_oom_kill_is_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: true
                restartCount: 3
                state: {running: {startedAt: "2026-11-30T11:50:00Z"}}
                lastState: {terminated: {exitCode: 137, reason: OOMKilled, startedAt: "2026-11-30T11:20:00Z", finishedAt: "2026-11-30T11:49:58Z"}}
            """));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodContainerRestarted", failure.Code);
        Assert.Equal("container web of pod web-7d9f8b6c5d-x2k4q restarted 3 time(s); the last termination reason is OOMKilled exitCode=137", failure.Text);
    }

    [Fact]
    public void Running_container_whose_last_termination_was_a_non_zero_exit_is_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: true
                restartCount: 1
                state: {running: {startedAt: "2026-11-30T11:50:00Z"}}
                lastState: {terminated: {exitCode: 2, reason: Error}}
            """));

        Assert.Equal(["container web of pod web-7d9f8b6c5d-x2k4q restarted 1 time(s); the last termination reason is Error exitCode=2"], TextsOf(yaml));
    }

    [Fact]
    public void Running_container_whose_last_termination_was_clean_is_not_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: true
                restartCount: 1
                state: {running: {startedAt: "2026-11-30T11:50:00Z"}}
                lastState: {terminated: {exitCode: 0, reason: Completed}}
            """));

        Assert.Empty(TextsOf(yaml));
    }

    [Fact]
    public void Crash_loop_with_last_state_reports_the_last_termination()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 7
                state: {waiting: {reason: CrashLoopBackOff, message: "back-off 5m0s restarting failed container=web pod=web-7d9f8b6c5d-x2k4q_shop(a1b2)"}}
                lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-11-30T11:58:00Z"}}
            """));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodCrashLoopBackOff", failure.Code);
        Assert.Equal("the last termination reason is Error exitCode=1 container=web pod=web-7d9f8b6c5d-x2k4q restarts=7", failure.Text);
    }

    [Fact]
    public void Crash_loop_without_last_state_or_message_is_still_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 5
                state: {waiting: {reason: CrashLoopBackOff}}
            """));

        Assert.Equal(["container web of pod web-7d9f8b6c5d-x2k4q is in CrashLoopBackOff (restarts=5)"], TextsOf(yaml));
    }

    [Theory]
    [InlineData("ImagePullBackOff", "Back-off pulling image \\\"registry.example.com/web:1.4.3\\\"", "Back-off pulling image \"registry.example.com/web:1.4.3\"")]
    [InlineData("ErrImagePull", "failed to pull and unpack image \\\"registry.example.com/web:1.4.3\\\": not found", "failed to pull and unpack image \"registry.example.com/web:1.4.3\": not found")]
    public void Image_pull_failure_is_reported_with_its_message(string reason, string yamlMessage, string expected)
    {
        var yaml = Pod(Running($$$"""
              - name: web
                ready: false
                restartCount: 0
                image: registry.example.com/web:1.4.3
                state: {waiting: {reason: {{{reason}}}, message: "{{{yamlMessage}}}"}}
            """, phase: "Pending"));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodContainer" + reason, failure.Code);
        Assert.Equal(expected, failure.Text);
        Assert.Equal(["shop", "web-7d9f8b6c5d-x2k4q", "web", "registry.example.com"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Pending_unschedulable_pod_is_reported_with_the_scheduler_message()
    {
        var yaml = Pod("""
              phase: Pending
              conditions:
              - type: PodScheduled
                status: "False"
                reason: Unschedulable
                message: "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
            """).Replace("  nodeName: worker-1\n", "", StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodUnschedulable", failure.Code);
        Assert.StartsWith("0/3 nodes are available: 3 Insufficient memory.", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scheduled_pending_pod_is_not_reported_as_unschedulable()
    {
        var yaml = Pod("""
              phase: Pending
              conditions:
              - {type: PodScheduled, status: "True"}
            """);

        Assert.Empty(TextsOf(yaml));
    }

    [Fact]
    public void Pending_pod_that_no_scheduler_picked_up_is_reported()
    {
        var yaml = Pod("  phase: Pending\n  qosClass: BestEffort")
            .Replace("  nodeName: worker-1\n", "  schedulerName: my-schedular\n", StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodNotScheduled", failure.Code);
        Assert.Equal("Pod web-7d9f8b6c5d-x2k4q has been Pending for 2h without any scheduling decision; is scheduler my-schedular running?", failure.Text);
    }

    [Fact]
    public void Pending_pod_created_moments_ago_is_not_reported_as_unscheduled()
    {
        var yaml = Pod("  phase: Pending")
            .Replace("  nodeName: worker-1\n", "", StringComparison.Ordinal)
            .Replace("2026-11-30T10:00:00Z", "2026-11-30T11:59:00Z", StringComparison.Ordinal);

        Assert.Empty(TextsOf(yaml));
    }

    [Fact]
    public void Scheduling_gated_pod_is_reported()
    {
        var yaml = Pod("""
              phase: Pending
              conditions:
              - {type: PodScheduled, status: "False", reason: SchedulingGated}
            """).Replace("  nodeName: worker-1\n", "", StringComparison.Ordinal);

        Assert.Equal(
            ["Pod shop/web-7d9f8b6c5d-x2k4q is in a SchedulingGated state and is blocked from scheduling due to non-empty scheduling gates"],
            TextsOf(yaml));
    }

    [Fact]
    public void Evicted_pod_is_reported_with_the_eviction_message()
    {
        var yaml = Pod("""
              phase: Failed
              reason: Evicted
              message: "The node was low on resource: memory. Threshold quantity: 100Mi, available: 91340Ki. Container web was using 1.2Gi, request is 256Mi."
            """);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodEvicted", failure.Code);
        Assert.StartsWith("The node was low on resource: memory.", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_pod_with_another_reason_is_reported()
    {
        var yaml = Pod("""
              phase: Failed
              reason: NodeShutdown
              message: Pod was terminated in response to imminent node shutdown.
            """);

        Assert.Equal(["Pod web-7d9f8b6c5d-x2k4q failed with reason NodeShutdown: Pod was terminated in response to imminent node shutdown."], TextsOf(yaml));
    }

    [Fact]
    public void Container_creating_with_a_failed_mount_event_is_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 0
                state: {waiting: {reason: ContainerCreating}}
            """, phase: "Pending")).Replace("restartPolicy: Always", "restartPolicy: Always\n  volumes: [{name: config, configMap: {name: web-config}}]", StringComparison.Ordinal)
            + Event("FailedMount", "MountVolume.SetUp failed for volume \\\"config\\\" : configmap \\\"web-config\\\" not found", "2026-11-30T11:58:00Z")
            + Event("Scheduled", "Successfully assigned shop/web-7d9f8b6c5d-x2k4q to worker-1", "2026-11-30T11:59:00Z", "Normal");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodContainerCreationFailed", failure.Code);
        Assert.Equal("MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found", failure.Text);
        Assert.Equal(["shop", "web-7d9f8b6c5d-x2k4q", "config", "web-config"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Container_creating_without_failure_events_is_not_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 0
                state: {waiting: {reason: ContainerCreating}}
            """, phase: "Pending"))
            + Event("Pulling", "Pulling image \\\"registry.example.com/web:1.4.2\\\"", "2026-11-30T11:59:00Z", "Normal");

        Assert.Empty(TextsOf(yaml));
    }

    [Fact]
    public void Not_ready_running_container_with_an_unhealthy_event_is_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                started: true
                restartCount: 0
                state: {running: {startedAt: "2026-11-30T10:00:03Z"}}
            """))
            + Event("Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", "2026-11-30T11:59:00Z");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).Failures);

        Assert.Equal("PodContainerNotReady", failure.Code);
        Assert.Equal("Readiness probe failed: HTTP probe failed with statuscode: 503", failure.Text);
    }

    [Fact]
    public void Several_not_ready_containers_report_the_same_unhealthy_event_once()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 0
                state: {running: {startedAt: "2026-11-30T10:00:03Z"}}
              - name: sidecar
                ready: false
                restartCount: 0
                state: {running: {startedAt: "2026-11-30T10:00:03Z"}}
            """))
            + Event("Unhealthy", "Readiness probe failed: connection refused", "2026-11-30T11:59:00Z");

        Assert.Equal(["Readiness probe failed: connection refused"], TextsOf(yaml));
    }

    [Fact]
    public void Not_ready_running_container_without_an_unhealthy_event_is_not_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                started: true
                restartCount: 0
                state: {running: {startedAt: "2026-11-30T11:59:50Z"}}
            """));

        Assert.Empty(TextsOf(yaml));
    }

    [Fact]
    public void Terminated_container_with_a_non_zero_exit_is_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 0
                state: {terminated: {exitCode: 3, reason: Error}}
            """, phase: "Failed"));

        Assert.Equal(["the termination reason is Error exitCode=3 container=web pod=web-7d9f8b6c5d-x2k4q"], TextsOf(yaml));
    }

    [Fact]
    public void Pod_of_a_succeeded_job_is_not_reported()
    {
        var owner = "  ownerReferences:\n  - {apiVersion: batch/v1, kind: Job, name: backup-29411, uid: 0b0b0b0b-1111-4111-8111-000000000001, controller: true}";
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 0
                state: {terminated: {exitCode: 1, reason: Error}}
            """, phase: "Failed"), owner) + """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: backup-29411, namespace: shop, uid: 0b0b0b0b-1111-4111-8111-000000000001}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: web, image: busybox:1.37}]
            status:
              succeeded: 1
              failed: 1
              conditions:
              - {type: SuccessCriteriaMet, status: "True"}
              - {type: Complete, status: "True"}
            """;

        Assert.Empty(TextsOf(yaml));
    }

    [Fact]
    public void Pod_of_a_job_that_has_not_succeeded_is_reported()
    {
        var owner = "  ownerReferences:\n  - {apiVersion: batch/v1, kind: Job, name: backup-29411, uid: 0b0b0b0b-1111-4111-8111-000000000001, controller: true}";
        var yaml = Pod(Running("""
              - name: web
                ready: false
                restartCount: 0
                state: {terminated: {exitCode: 1, reason: Error}}
            """, phase: "Failed"), owner) + """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: backup-29411, namespace: shop, uid: 0b0b0b0b-1111-4111-8111-000000000001}
            status: {active: 1, failed: 1}
            """;

        Assert.Single(TextsOf(yaml));
    }

    [Fact]
    public void Init_container_in_crash_loop_is_examined()
    {
        var yaml = Pod("""
              phase: Pending
              initContainerStatuses:
              - name: migrate
                ready: false
                restartCount: 4
                state: {waiting: {reason: CrashLoopBackOff, message: back-off 1m20s restarting failed container}}
                lastState: {terminated: {exitCode: 1, reason: Error}}
              containerStatuses:
              - name: web
                ready: false
                restartCount: 0
                state: {waiting: {reason: PodInitializing}}
            """);

        Assert.Equal(["the last termination reason is Error exitCode=1 container=migrate pod=web-7d9f8b6c5d-x2k4q restarts=4"], TextsOf(yaml));
    }

    [Fact]
    public void Ephemeral_container_is_examined()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: true
                restartCount: 0
                state: {running: {startedAt: "2026-11-30T10:00:03Z"}}
              ephemeralContainerStatuses:
              - name: debugger-x7k
                ready: false
                restartCount: 0
                image: busybox:does-not-exist
                state: {waiting: {reason: ErrImagePull, message: "rpc error: code = NotFound desc = busybox:does-not-exist: not found"}}
            """));

        Assert.Equal(["rpc error: code = NotFound desc = busybox:does-not-exist: not found"], TextsOf(yaml));
    }

    [Fact]
    public void Parent_deployment_is_resolved_through_the_replica_set()
    {
        var owner = "  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f8b6c5d, uid: 0c0c0c0c-2222-4222-8222-000000000001, controller: true, blockOwnerDeletion: true}";
        var yaml = Pod("  phase: Failed\n  reason: Evicted", owner) + """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-7d9f8b6c5d
              namespace: shop
              uid: 0c0c0c0c-2222-4222-8222-000000000001
              ownerReferences:
              - {apiVersion: apps/v1, kind: Deployment, name: web, uid: 0d0d0d0d-3333-4333-8333-000000000001, controller: true}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, uid: 0d0d0d0d-3333-4333-8333-000000000001}
            """;

        var finding = Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml));

        Assert.Equal("Deployment/web", finding.ParentObject);
        Assert.Equal(["Pod web-7d9f8b6c5d-x2k4q has been evicted"], finding.Failures.Select(static f => f.Text));
    }

    [Fact]
    public void Parent_cron_job_is_resolved_through_the_job()
    {
        var owner = "  ownerReferences:\n  - {apiVersion: batch/v1, kind: Job, name: backup-29411, uid: 0b0b0b0b-1111-4111-8111-000000000001, controller: true}";
        var yaml = Pod("  phase: Failed\n  reason: DeadlineExceeded\n  message: Pod was active on the node longer than the specified deadline", owner) + """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: backup-29411
              namespace: shop
              uid: 0b0b0b0b-1111-4111-8111-000000000001
              ownerReferences:
              - {apiVersion: batch/v1, kind: CronJob, name: backup, uid: 0e0e0e0e-4444-4444-8444-000000000001, controller: true}
            status: {failed: 1}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup, namespace: shop, uid: 0e0e0e0e-4444-4444-8444-000000000001}
            spec: {schedule: "0 3 * * *"}
            """;

        Assert.Equal("CronJob/backup", Assert.Single(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml)).ParentObject);
    }

    [Fact]
    public void Pod_stuck_terminating_is_reported()
    {
        var yaml = Pod(Running("""
              - name: web
                ready: true
                restartCount: 0
                state: {running: {startedAt: "2026-11-30T10:00:03Z"}}
            """), metaExtra: "  deletionTimestamp: \"2026-11-30T11:00:00Z\"\n  deletionGracePeriodSeconds: 30");

        Assert.Equal(["Pod web-7d9f8b6c5d-x2k4q has been terminating for 1h (deletion requested at 2026-11-30T11:00:00Z)"], TextsOf(yaml));
    }

    [Fact]
    public void Pod_with_no_spec_or_status_does_not_throw()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: bare, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: partial, namespace: shop}
            status:
              phase: Running
              containerStatuses: [{name: c}, {name: d, state: {}, lastState: {}}]
              conditions: [{type: PodScheduled}]
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new PodAnalyzer(), yaml));
    }
}
