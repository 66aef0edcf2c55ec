using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class JobAnalyzerTests
{
    private const string CronJobUid = "c0ffee00-1234-4abc-8def-000000000001";

    private static string Job(string name, string status, string owner = "", string suspend = "false") => $$"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{name}}
          namespace: batch
          uid: 9a8b7c6d-5e4f-4321-8fed-{{name[^6..].PadLeft(12, '0')}}
          generation: 1
          labels: {job-name: {{name}}}
          {{owner}}
        spec:
          backoffLimit: 3
          completions: 1
          parallelism: 1
          suspend: {{suspend}}
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: report
                image: registry.example.com/report:2.1.0
        status:
        {{status}}
        """;

    private const string OwnedByNightly = $"""
        ownerReferences:
          - apiVersion: batch/v1
            kind: CronJob
            name: nightly
            uid: {CronJobUid}
            controller: true
            blockOwnerDeletion: true
        """;

    private static string Failed(string reason, string message, string started = "2026-11-30T02:00:00Z", string finished = "2026-11-30T02:09:00Z") => $"""
          startTime: "{started}"
          failed: 4
          ready: 0
          terminating: 0
          uncountedTerminatedPods: {"{}"}
          conditions:
          - type: FailureTarget
            status: "True"
            reason: {reason}
            message: {message}
            lastProbeTime: "{finished}"
            lastTransitionTime: "{finished}"
          - type: Failed
            status: "True"
            reason: {reason}
            message: {message}
            lastProbeTime: "{finished}"
            lastTransitionTime: "{finished}"
        """;

    private static string Succeeded(string started, string finished, int failed = 0) => $"""
          startTime: "{started}"
          completionTime: "{finished}"
          succeeded: 1
          failed: {failed}
          ready: 0
          terminating: 0
          uncountedTerminatedPods: {"{}"}
          conditions:
          - type: SuccessCriteriaMet
            status: "True"
            reason: CompletionsReached
            message: Reached expected number of succeeded pods
            lastProbeTime: "{finished}"
            lastTransitionTime: "{finished}"
          - type: Complete
            status: "True"
            reason: CompletionsReached
            message: Reached expected number of succeeded pods
            lastProbeTime: "{finished}"
            lastTransitionTime: "{finished}"
        """;

    private static string CronJob(string lastSuccessful = "") => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
          namespace: batch
          uid: {{CronJobUid}}
        spec:
          schedule: "0 2 * * *"
          concurrencyPolicy: Forbid
          failedJobsHistoryLimit: 1
          successfulJobsHistoryLimit: 3
          suspend: false
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: report
                    image: registry.example.com/report:2.1.0
        status:
          lastScheduleTime: "2026-11-30T02:00:00Z"
          {{lastSuccessful}}
        """;

    [Fact]
    public void Job_that_completed_after_retries_is_healthy()
    {
        var yaml = Job("report-once", Succeeded("2026-11-30T02:00:00Z", "2026-11-30T02:06:00Z", failed: 2));

        Assert.Empty(SnapshotFixtures.Analyze(new JobAnalyzer(), yaml));
    }

    [Fact]
    public void Job_still_retrying_within_its_backoff_limit_is_not_reported()
    {
        const string retrying = """
              startTime: "2026-11-30T11:50:00Z"
              active: 1
              failed: 2
              ready: 0
              terminating: 0
              uncountedTerminatedPods: {}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new JobAnalyzer(), Job("report-once", retrying)));
    }

    [Fact]
    public void Failed_condition_is_reported_with_its_reason_and_message()
    {
        var yaml = Job("report-once", Failed("BackoffLimitExceeded", "Job has reached the specified backoff limit"));

        var finding = Assert.Single(SnapshotFixtures.Analyze(new JobAnalyzer(), yaml));

        Assert.Equal("Job", finding.Kind);
        Assert.Equal("batch/report-once", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("JobBackoffLimitExceeded", failure.Code);
        Assert.Equal("Job report-once has failed with reason BackoffLimitExceeded: Job has reached the specified backoff limit", failure.Text);
        Assert.Equal("status.conditions", failure.DocPath);
        Assert.Equal(["batch", "report-once"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Theory]
    [InlineData("DeadlineExceeded", "Job was active longer than specified deadline", "JobDeadlineExceeded")]
    [InlineData("PodFailurePolicy", "Container report for pod batch/report-once-7xk2p failed with exit code 42 matching FailJob rule at index 0", "JobPodFailurePolicy")]
    public void Every_failure_reason_is_reported_from_the_condition(string reason, string message, string code)
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new JobAnalyzer(), Job("report-once", Failed(reason, $"\"{message}\"")))).Failures);

        Assert.Equal(code, failure.Code);
        Assert.Equal($"Job report-once has failed with reason {reason}: {message}", failure.Text);
    }

    [Fact]
    public void Suspended_job_is_not_a_failure()
    {
        const string suspended = """
              startTime: "2026-11-30T11:00:00Z"
              ready: 0
              terminating: 0
              uncountedTerminatedPods: {}
              conditions:
              - type: Suspended
                status: "True"
                reason: JobSuspended
                message: Job suspended
                lastProbeTime: "2026-11-30T11:10:00Z"
                lastTransitionTime: "2026-11-30T11:10:00Z"
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new JobAnalyzer(), Job("report-once", suspended, suspend: "true")));
    }

    [Fact]
    public void Old_failed_job_of_a_cronjob_whose_later_job_succeeded_is_not_reported()
    {
        var yaml = string.Join(
            "\n---\n",
            CronJob(),
            Job("nightly-29400120", Failed("BackoffLimitExceeded", "Job has reached the specified backoff limit", "2026-11-29T02:00:00Z", "2026-11-29T02:09:00Z"), OwnedByNightly),
            Job("nightly-29401560", Succeeded("2026-11-30T02:00:00Z", "2026-11-30T02:05:00Z"), OwnedByNightly));

        Assert.Empty(SnapshotFixtures.Analyze(new JobAnalyzer(), yaml));
    }

    [Fact]
    public void Failed_job_is_not_reported_when_its_cronjob_recorded_a_later_success()
    {
        var yaml = string.Join(
            "\n---\n",
            CronJob(lastSuccessful: "lastSuccessfulTime: \"2026-11-30T02:05:00Z\""),
            Job("nightly-29400120", Failed("BackoffLimitExceeded", "Job has reached the specified backoff limit", "2026-11-29T02:00:00Z", "2026-11-29T02:09:00Z"), OwnedByNightly));

        Assert.Empty(SnapshotFixtures.Analyze(new JobAnalyzer(), yaml));
    }

    [Fact]
    public void Latest_failed_job_of_a_cronjob_is_reported_with_the_cronjob_as_parent()
    {
        var yaml = string.Join(
            "\n---\n",
            CronJob(lastSuccessful: "lastSuccessfulTime: \"2026-11-29T02:05:00Z\""),
            Job("nightly-29400120", Succeeded("2026-11-29T02:00:00Z", "2026-11-29T02:05:00Z"), OwnedByNightly),
            Job("nightly-29401560", Failed("BackoffLimitExceeded", "Job has reached the specified backoff limit"), OwnedByNightly));

        var finding = Assert.Single(SnapshotFixtures.Analyze(new JobAnalyzer(), yaml));

        Assert.Equal("batch/nightly-29401560", finding.Name);
        Assert.Equal("CronJob/nightly", finding.ParentObject);
    }

    [Fact]
    public void Job_without_spec_or_status_does_not_throw()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: bare
              namespace: batch
              ownerReferences:
              - {kind: CronJob, name: gone}
            status:
              conditions:
              - type: Failed
                status: "True"
            """;

        var (findings, errors) = SnapshotFixtures.Run(new JobAnalyzer(), SnapshotFixtures.FromYaml(yaml));

        Assert.Empty(errors);
        Assert.Equal("Job bare has failed with reason Unknown", Assert.Single(Assert.Single(findings).Failures).Text);
    }
}
