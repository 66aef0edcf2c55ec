using K8sGpt.Core.Analysis;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Live;

public sealed class PodLogTests
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

    private static readonly string s_pods =
        Pod("cart", "{waiting: {reason: CrashLoopBackOff}}", restarts: 4)
        + Pod("web", "{running: {startedAt: \"2026-11-30T11:00:00Z\"}}")
        + Pod("batch", "{terminated: {exitCode: 1, reason: Error}}");

    private static readonly IReadOnlyList<ResourceRead> s_reads = new LogAnalyzer().Reads;

    [Fact]
    public async Task Logs_are_read_only_for_failing_or_restarting_containers_with_bounded_tails()
    {
        await using var cluster = await LiveCluster.StartAsync(s_pods);
        cluster.Server.PodLogs[("shop", "cart", "app", false)] = "starting";
        cluster.Server.PodLogs[("shop", "cart", "app", true)] = "level=error msg=\"cannot reach redis\"";
        cluster.Server.PodLogs[("shop", "web", "app", false)] = "ERROR this healthy pod must not be read";
        cluster.Server.PodLogs[("shop", "batch", "app", false)] = "done";

        var snapshot = await cluster.LoadAsync(s_reads);

        var logReads = cluster.Server.Requests.All.Where(static r => r.Path.EndsWith("/log", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            ["/api/v1/namespaces/shop/pods/batch/log false", "/api/v1/namespaces/shop/pods/cart/log false", "/api/v1/namespaces/shop/pods/cart/log true"],
            logReads.Select(static r => $"{r.Path} {(r.QueryValue("previous") == "true" ? "true" : "false")}").Order(StringComparer.Ordinal));
        Assert.All(logReads, static r => Assert.Equal(("app", "100", "32768"), (r.QueryValue("container"), r.QueryValue("tailLines"), r.QueryValue("limitBytes"))));
        Assert.Equal(["starting", "level=error msg=\"cannot reach redis\""], snapshot.LogsFor("shop", "cart", "app").Select(static l => l.Text));
        Assert.Empty(snapshot.LogsFor("shop", "web", "app"));
    }

    [Fact]
    public async Task Log_analyzer_reports_the_error_of_the_previous_instance_read_from_the_cluster()
    {
        await using var cluster = await LiveCluster.StartAsync(s_pods);
        cluster.Server.PodLogs[("shop", "cart", "app", true)] = "level=error msg=\"cannot reach redis\"";

        var snapshot = await cluster.LoadAsync(s_reads);
        var (findings, _) = SnapshotFixtures.Run(new LogAnalyzer(), snapshot);

        var finding = Assert.Single(findings);
        Assert.Equal("shop/cart/app", finding.Name);
        Assert.Equal(
            "The previous instance of container app in pod shop/cart logged 1 error line(s) in its recent log; the last: level=error msg=\"cannot reach redis\"",
            Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public async Task Failed_log_reads_do_not_fail_the_run_and_are_counted_in_the_read_status()
    {
        await using var cluster = await LiveCluster.StartAsync(s_pods);

        var snapshot = await cluster.LoadAsync(s_reads);

        var status = snapshot.StatusOf(KnownResources.PodLogs);
        Assert.Equal(ReadState.Loaded, status.State);
        Assert.Equal("3 log read(s) failed, e.g. shop/batch/app: HTTP 404", status.Detail);
    }

    [Fact]
    public async Task Log_tail_is_bounded_by_the_line_limit()
    {
        await using var cluster = await LiveCluster.StartAsync(s_pods);
        cluster.Server.PodLogs[("shop", "batch", "app", false)] = string.Join('\n', Enumerable.Range(1, 300).Select(static i => $"line {i}"));

        var snapshot = await cluster.LoadAsync(s_reads);

        var lines = Assert.Single(snapshot.LogsFor("shop", "batch", "app")).Text.Split('\n');
        Assert.Equal(100, lines.Length);
        Assert.Equal("line 201", lines[0]);
    }

    [Fact]
    public async Task At_most_fifty_containers_are_read_per_run_and_the_rest_is_noted()
    {
        var pods = string.Concat(Enumerable.Range(0, 51).Select(static i => Pod($"crash-{i:D2}", "{waiting: {reason: CrashLoopBackOff}}")));
        await using var cluster = await LiveCluster.StartAsync(pods);

        var snapshot = await cluster.LoadAsync(s_reads);

        Assert.Equal(50, cluster.Server.Requests.All.Count(static r => r.Path.EndsWith("/log", StringComparison.Ordinal)));
        Assert.Empty(cluster.Server.Requests.To("/api/v1/namespaces/shop/pods/crash-50/log"));
        Assert.StartsWith("logs of 1 more failing container(s) were not read (at most 50 per run)", snapshot.StatusOf(KnownResources.PodLogs).Detail, StringComparison.Ordinal);
    }
}
