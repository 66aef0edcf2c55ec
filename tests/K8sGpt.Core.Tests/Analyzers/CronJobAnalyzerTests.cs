using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class CronJobAnalyzerTests
{
    private const string Uid = "c0ffee00-1234-4abc-8def-000000000001";

    private static string CronJob(string schedule = "\"0 2 * * *\"", string suspend = "false", string extraSpec = "") => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
          namespace: batch
          uid: {{Uid}}
          generation: 1
        spec:
          schedule: {{schedule}}
          concurrencyPolicy: Forbid
          failedJobsHistoryLimit: 3
          successfulJobsHistoryLimit: 3
          suspend: {{suspend}}
          {{extraSpec}}
          jobTemplate:
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: report
                    image: registry.example.com/report:2.1.0
        status:
          lastScheduleTime: "2026-11-30T02:00:00Z"
          lastSuccessfulTime: "2026-11-27T02:04:00Z"
        """;

    private static string Job(string name, string started, bool failed, string reason = "BackoffLimitExceeded", string message = "Job has reached the specified backoff limit", string ownerUid = Uid) => $$"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{name}}
          namespace: batch
          uid: 9a8b7c6d-5e4f-4321-8fed-{{name[^8..].PadLeft(12, '0')}}
          labels: {batch.kubernetes.io/job-name: {{name}}}
          ownerReferences:
          - apiVersion: batch/v1
            kind: CronJob
            name: nightly
            uid: {{ownerUid}}
            controller: true
            blockOwnerDeletion: true
        spec:
          backoffLimit: 2
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: report
                image: registry.example.com/report:2.1.0
        status:
          startTime: "{{started}}"
          {{(failed ? "failed: 3" : "succeeded: 1")}}
          conditions:
          - type: {{(failed ? "Failed" : "Complete")}}
            status: "True"
            reason: {{(failed ? reason : "CompletionsReached")}}
            message: {{(failed ? message : "Reached expected number of succeeded pods")}}
            lastProbeTime: "{{started[..11]}}02:09:00Z"
            lastTransitionTime: "{{started[..11]}}02:09:00Z"
        """;

    private static string Join(params string[] documents) => string.Join("\n---\n", documents);

    [Fact]
    public void Suspended_cronjob_is_not_a_failure()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(suspend: "true")));
    }

    [Fact]
    public void Schedule_with_a_seconds_field_is_reported_as_invalid()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(schedule: "\"0 0 2 * * *\"")));

        Assert.Equal("CronJob", finding.Kind);
        Assert.Equal("batch/nightly", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("CronJobInvalidSchedule", failure.Code);
        Assert.Equal("CronJob nightly has an invalid schedule: expected exactly 5 fields, found 6: 0 0 2 * * *", failure.Text);
        Assert.Equal("spec.schedule", failure.DocPath);
        Assert.Equal(["batch", "nightly"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Theory]
    [InlineData("\"@yearly\"")]
    [InlineData("\"@annually\"")]
    [InlineData("\"@monthly\"")]
    [InlineData("\"@weekly\"")]
    [InlineData("\"@daily\"")]
    [InlineData("\"@midnight\"")]
    [InlineData("\"@hourly\"")]
    [InlineData("\"@every 1h30m\"")]
    [InlineData("\"*/5 * * * *\"")]
    [InlineData("\"0 9 * * MON-FRI\"")]
    [InlineData("\"30 4 1,15 JAN-JUN ?\"")]
    [InlineData("\"CRON_TZ=Europe/Paris 0 6 * * *\"")]
    public void Valid_schedule_is_not_reported(string schedule)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(schedule: schedule)));
    }

    [Theory]
    [InlineData("\"@reboot\"", "unrecognized descriptor: @reboot")]
    [InlineData("\"@every_minute\"", "unrecognized descriptor: @every_minute")]
    [InlineData("\"@every soon\"", "failed to parse duration soon")]
    [InlineData("\"\"", "the schedule is empty")]
    [InlineData("\"0 0 L * *\"", "day of month does not support L or W: L")]
    [InlineData("\"0 0 * * 5#3\"", "day of week does not support L or #: 5#3")]
    [InlineData("\"TZ=Mars/Olympus 0 6 * * *\"", "unknown time zone Mars/Olympus")]
    public void Invalid_schedule_is_reported_with_why(string schedule, string why)
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(schedule: schedule))).Failures);

        Assert.Equal($"CronJob nightly has an invalid schedule: {why}", failure.Text);
    }

    [Fact]
    public void Out_of_range_field_is_reported_with_the_parser_reason()
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(schedule: "\"61 2 * * *\""))).Failures);

        Assert.StartsWith("CronJob nightly has an invalid schedule: ", failure.Text, StringComparison.Ordinal);
        Assert.Contains("minute", failure.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Negative_starting_deadline_is_reported()
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(extraSpec: "startingDeadlineSeconds: -10"))).Failures);

        Assert.Equal("CronJobNegativeStartingDeadline", failure.Code);
        Assert.Equal("CronJob nightly has a negative starting deadline", failure.Text);
        Assert.Equal("spec.startingDeadlineSeconds", failure.DocPath);
    }

    [Fact]
    public void Zero_starting_deadline_is_not_reported()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(extraSpec: "startingDeadlineSeconds: 0")));
    }

    [Theory]
    [InlineData("Europe/Atlantis", "unknown time zone Europe/Atlantis")]
    [InlineData("Local", "Local is not an explicit time zone; use an IANA name such as Europe/Paris")]
    [InlineData("Pacific Standard Time", "unknown time zone Pacific Standard Time")]
    public void Invalid_time_zone_is_reported(string zone, string why)
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(extraSpec: $"timeZone: {zone}"))).Failures);

        Assert.Equal("CronJobInvalidTimeZone", failure.Code);
        Assert.Equal($"CronJob nightly has an invalid time zone: {why}", failure.Text);
        Assert.Equal("spec.timeZone", failure.DocPath);
    }

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    [InlineData("Etc/UTC")]
    public void Valid_time_zone_is_not_reported(string zone)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), CronJob(extraSpec: $"timeZone: {zone}")));
    }

    [Fact]
    public void Most_recent_jobs_failing_one_after_another_are_reported_with_the_last_reason()
    {
        var yaml = Join(
            CronJob(),
            Job("nightly-29397240", "2026-11-27T02:00:00Z", failed: false),
            Job("nightly-29398680", "2026-11-28T02:00:00Z", failed: true),
            Job("nightly-29400120", "2026-11-29T02:00:00Z", failed: true),
            Job("nightly-29401560", "2026-11-30T02:00:00Z", failed: true, reason: "DeadlineExceeded", message: "Job was active longer than specified deadline"));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new CronJobAnalyzer(), yaml)).Failures);

        Assert.Equal("CronJobConsecutiveFailures", failure.Code);
        Assert.Equal(
            "CronJob nightly has failed 3 times in a row; the last Job nightly-29401560 failed with reason DeadlineExceeded: Job was active longer than specified deadline",
            failure.Text);
        Assert.Equal(["batch", "nightly", "nightly-29401560"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Single_failure_after_a_success_is_left_to_the_job_analyzer()
    {
        var yaml = Join(
            CronJob(),
            Job("nightly-29398680", "2026-11-28T02:00:00Z", failed: true),
            Job("nightly-29400120", "2026-11-29T02:00:00Z", failed: false),
            Job("nightly-29401560", "2026-11-30T02:00:00Z", failed: true));

        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), yaml));
    }

    [Fact]
    public void Failed_jobs_of_another_cronjob_are_not_counted()
    {
        const string otherUid = "c0ffee00-1234-4abc-8def-000000000099";
        var yaml = Join(
            CronJob(),
            Job("nightly-29400120", "2026-11-29T02:00:00Z", failed: true, ownerUid: otherUid),
            Job("nightly-29401560", "2026-11-30T02:00:00Z", failed: true, ownerUid: otherUid));

        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), yaml));
    }

    [Fact]
    public void Failures_of_a_suspended_cronjob_are_not_reported()
    {
        var yaml = Join(
            CronJob(suspend: "true"),
            Job("nightly-29400120", "2026-11-29T02:00:00Z", failed: true),
            Job("nightly-29401560", "2026-11-30T02:00:00Z", failed: true));

        Assert.Empty(SnapshotFixtures.Analyze(new CronJobAnalyzer(), yaml));
    }

    [Fact]
    public void CronJob_without_spec_or_status_does_not_throw()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: bare
              namespace: batch
            """;

        var (findings, errors) = SnapshotFixtures.Run(new CronJobAnalyzer(), SnapshotFixtures.FromYaml(yaml));

        Assert.Empty(errors);
        Assert.Equal("CronJob bare has an invalid schedule: the schedule is empty", Assert.Single(Assert.Single(findings).Failures).Text);
    }
}
