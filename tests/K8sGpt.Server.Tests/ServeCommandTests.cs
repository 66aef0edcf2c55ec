using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;

namespace K8sGpt.Server.Tests;

/// <summary>Flags and environment of <c>k8sgpt serve</c>, and what the server exposes for discovery.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task K8SGPT_METRICS_PORT_sets_the_metrics_port_when_the_flag_is_not_given()
    {
        var port = FreePort();
        var (metricsPort, exit) = await StartAndShutdownAsync(new Dictionary<string, string> { ["K8SGPT_METRICS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(port, metricsPort);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task The_metrics_port_flag_wins_over_K8SGPT_METRICS_PORT()
    {
        var port = FreePort();
        var (metricsPort, exit) = await StartAndShutdownAsync(new Dictionary<string, string> { ["K8SGPT_METRICS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "-m", "0");

        Assert.NotEqual(port, metricsPort);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task A_K8SGPT_METRICS_PORT_that_is_not_a_port_exits_1_naming_the_variable()
    {
        using var folder = new TempFolder();
        var run = new CliRun(new Dictionary<string, string> { ["K8SGPT_METRICS_PORT"] = "metrics" });

        var exit = await run.InvokeAsync(CancellationToken.None, "serve", "--config", Path.Combine(folder.Path, "k8sgpt.yaml"), "-p", "0");

        Assert.Equal(1, exit);
        Assert.Contains("K8SGPT_METRICS_PORT=\"metrics\" is not a port number", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_ends_with_one_clear_error_line_and_exit_1_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = new ChildProcess(
            "dotnet",
            [RepoPaths.CliDll, "serve", "--config", Path.Combine(folder.Path, "k8sgpt.yaml"), "--snapshot", folder.Write("s.yaml", TestSnapshots.PendingPod), "-p", port, "-m", "0"],
            environment: new Dictionary<string, string> { ["K8SGPT_SERVE_TOKEN"] = "", ["K8SGPT_BACKEND"] = "" });

        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        var lines = process.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = lines[^1];
        Assert.DoesNotContain(lines, static l => l.Contains("Hosting failed", StringComparison.Ordinal) || l.Contains(" at Microsoft.", StringComparison.Ordinal));
        Assert.StartsWith("Error: k8sgpt serve cannot start: cannot listen: Failed to bind to address http://", line, StringComparison.Ordinal);
        Assert.Contains($":{port}: address already in use.", line, StringComparison.Ordinal);
        Assert.EndsWith("choose other ports with --port, --metrics-port, --http-port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_reflection_lists_the_schema_v1_services_and_health()
    {
        await using var server = await ServerHarness.StartAsync("");
        var reflection = new ServerReflection.ServerReflectionClient(server.Channel);

        using var call = reflection.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();

        Assert.Contains("schema.v1.ServerAnalyzerService", services);
        Assert.Contains("schema.v1.ServerQueryService", services);
        Assert.Contains("schema.v1.ServerConfigService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Each_request_is_logged_once_with_method_status_and_backend_but_never_the_query_text()
    {
        await using var server = await ServerHarness.StartAsync("");

        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            server.Query.QueryAsync(new QueryRequest { Backend = "ghost", Query = "my private prompt" }, ServerHarness.Deadline()).ResponseAsync);

        var line = Assert.Single(server.Logs.Lines, l => l.Contains("request /schema.v1.ServerQueryService/Query", StringComparison.Ordinal));
        Assert.StartsWith("Information: request /schema.v1.ServerQueryService/Query InvalidArgument in ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("my private prompt", server.Logs.All, StringComparison.Ordinal);
    }

    private static async Task<(int MetricsPort, int Exit)> StartAndShutdownAsync(Dictionary<string, string> environment, params string[] extra)
    {
        using var folder = new TempFolder();
        var run = new CliRun(environment);
        var serve = run.InvokeAsync(CancellationToken.None, ["serve", "--config", Path.Combine(folder.Path, "k8sgpt.yaml"), "-p", "0", .. extra]);
        var running = await run.Started;
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{running.GrpcPort}");
        await new ServerConfigService.ServerConfigServiceClient(channel).ShutdownAsync(new ShutdownRequest(), ServerHarness.Deadline());
        return (running.MetricsPort, await serve);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
