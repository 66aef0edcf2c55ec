using k8s.Models;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class LogAnalyzerTests
{
    private static string Pod(string name, string state, int restarts = 0) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: shop, uid: uid-{{name}}}
        spec:
          containers: [{name: app, image: app:1}]
        status:
          phase: Running
          containerStatuses:
          - name: app
            image: app:1
            imageID: ""
            ready: false
            restartCount: {{restarts}}
            state: {{state}}
        ---

        """;

    private const string Crashing = "{waiting: {reason: CrashLoopBackOff}}";
    private const string Running = "{running: {startedAt: \"2026-11-30T11:00:00Z\"}}";

    private static ClusterSnapshot WithLogs(string yaml, params ContainerLog[] logs)
    {
        var builder = new ClusterSnapshotBuilder(new ScanScope("", LabelSelector.Everything));
        foreach (var pod in SnapshotFixtures.FromYaml(yaml).All<V1Pod>())
        {
            builder.Add(KnownResources.Pods, pod);
        }

        builder.SetStatus(KnownResources.PodLogs, ResourceReadStatus.Loaded);
        foreach (var log in logs)
        {
            builder.AddLog(log);
        }

        return builder.Build();
    }

    private static IReadOnlyList<string> Texts(ClusterSnapshot snapshot) => ReadStates.Texts(SnapshotFixtures.Run(new LogAnalyzer(), snapshot).Findings);

    [Theory]
    [InlineData("level=error msg=\"connection refused\"")]
    [InlineData("{\"level\":\"error\",\"msg\":\"connection refused\"}")]
    [InlineData("2026-11-30 11:59:00 ERROR Connection refused")]
    [InlineData("[FATAL] cannot open /data")]
    [InlineData("panic: runtime error: invalid memory address or nil pointer dereference")]
    [InlineData("java.lang.IllegalStateException: pool exhausted")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("E1130 11:59:00.123456       1 main.go:42] failed to start")]
    public void Error_level_lines_are_recognised(string line)
    {
        Assert.Single(Texts(WithLogs(Pod("cart", Crashing), new ContainerLog("shop", "cart", "app", false, "starting\n" + line + "\n"))));
    }

    [Theory]
    [InlineData("processed 120 requests, 0 errors")]
    [InlineData("failover to replica db-2 complete")]
    [InlineData("health check: no failures in the last hour")]
    [InlineData("registered ErrorHandler for /api")]
    [InlineData("level=info msg=\"ERROR budget is 99.9%\"")]
    [InlineData("{\"level\":\"debug\",\"msg\":\"retrying after error\"}")]
    public void Lines_that_only_mention_errors_are_not_reported(string line)
    {
        Assert.Empty(Texts(WithLogs(Pod("cart", Crashing), new ContainerLog("shop", "cart", "app", false, line))));
    }

    [Fact]
    public void The_last_error_line_is_reported_with_the_container_as_a_sensitive_value()
    {
        var log = new ContainerLog("shop", "cart", "app", false, "level=error msg=\"first\"\nlevel=info msg=ok\nlevel=error msg=\"db timeout\"\n");

        var finding = Assert.Single(SnapshotFixtures.Run(new LogAnalyzer(), WithLogs(Pod("cart", Crashing), log)).Findings);

        Assert.Equal("Log", finding.Kind);
        Assert.Equal("shop/cart/app", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("LogError", failure.Code);
        Assert.Equal("The container app in pod shop/cart logged 2 error line(s) in its recent log; the last: level=error msg=\"db timeout\"", failure.Text);
        Assert.Equal(["shop", "cart", "app"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Previous_instance_of_a_restarted_container_is_reported_as_such()
    {
        var log = new ContainerLog("shop", "cart", "app", true, "panic: out of memory");

        Assert.Equal(
            ["The previous instance of container app in pod shop/cart logged 1 error line(s) in its recent log; the last: panic: out of memory"],
            Texts(WithLogs(Pod("cart", Running, restarts: 3), log)));
    }

    [Fact]
    public void Logs_of_healthy_containers_are_not_looked_at()
    {
        Assert.Empty(Texts(WithLogs(Pod("cart", Running), new ContainerLog("shop", "cart", "app", false, "level=error msg=boom"))));
    }

    [Fact]
    public void Only_failing_or_restarting_containers_are_log_candidates()
    {
        var pods = SnapshotFixtures.FromYaml(
            Pod("a-crash", Crashing) + Pod("b-ok", Running) + Pod("c-restarted", Running, restarts: 1)
            + Pod("d-exited", "{terminated: {exitCode: 2, reason: Error}}") + Pod("e-done", "{terminated: {exitCode: 0, reason: Completed}}")).All<V1Pod>();

        Assert.Equal(
            [("a-crash", false), ("c-restarted", true), ("d-exited", false)],
            FailingContainers.Of(pods).Select(static c => (c.Pod, c.ReadPrevious)));
    }
}
