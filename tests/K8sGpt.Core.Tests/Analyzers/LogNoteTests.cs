using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class LogNoteTests
{
    [Fact]
    public void A_snapshot_without_logs_says_failing_containers_were_not_checked()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
            status:
              phase: Running
              containerStatuses:
              - name: app
                ready: false
                restartCount: 4
                image: api
                imageID: ""
                state: {waiting: {reason: CrashLoopBackOff}}
            """);

        var (findings, _) = SnapshotFixtures.Run(new LogAnalyzer(), snapshot, out var notes);

        Assert.Empty(findings);
        Assert.Contains(notes, n => n.Contains("container logs are not in this snapshot, so 1 failing container(s) were not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_snapshot_without_failing_containers_needs_no_note_about_logs()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
            status: {phase: Running}
            """);

        SnapshotFixtures.Run(new LogAnalyzer(), snapshot, out var notes);

        Assert.Empty(notes);
    }
}
