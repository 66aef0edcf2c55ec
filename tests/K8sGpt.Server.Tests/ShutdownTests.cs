using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7f: Shutdown RPC and SIGTERM let in-flight calls complete, then exit 0.</summary>
public sealed partial class ShutdownTests
{
    [Fact]
    public async Task Shutdown_RPC_replies_lets_the_in_flight_Query_complete_and_serve_exits_0()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var azure = await FakeChatServer.StartAsync(_ => FakeChatReply.Answer("answered while draining") with { HoldUntil = release.Task });
        using var folder = new TempFolder();
        var config = folder.Write("k8sgpt.yaml", ServerHarness.AzureConfig(azure.BaseAddress));
        var snapshot = folder.Write("snapshot.yaml", TestSnapshots.PendingPod);
        var run = new CliRun(new Dictionary<string, string>());
        var serve = run.InvokeAsync(CancellationToken.None, "serve", "--config", config, "--snapshot", snapshot, "-p", "0", "-m", "0");
        var running = await run.Started;
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{running.GrpcPort}");
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        var inFlight = new ServerQueryService.ServerQueryServiceClient(channel).QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline()).ResponseAsync;
        await azure.WaitForRequestAsync(CancellationToken.None);
        var shutdown = await new ServerConfigService.ServerConfigServiceClient(channel).ShutdownAsync(new ShutdownRequest(), ServerHarness.Deadline());
        await stopping.Task;
        release.SetResult();
        var answer = await inFlight;
        var exit = await serve;

        Assert.Equal("shutting down: in-flight calls are completed first", shutdown.Status);
        Assert.Equal("answered while draining", answer.Response);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task SIGTERM_to_the_k8sgpt_process_lets_the_in_flight_HTTP_request_complete_and_exits_0()
    {
        using var folder = new TempFolder();
        var snapshot = folder.Write("snapshot.yaml", TestSnapshots.PendingPod);
        using var process = new ChildProcess(
            "dotnet",
            [RepoPaths.CliDll, "serve", "--config", Path.Combine(folder.Path, "k8sgpt.yaml"), "--snapshot", snapshot, "--http", "-p", "0", "-m", "0", "--http-port", "0"],
            environment: new Dictionary<string, string> { ["K8SGPT_SERVE_TOKEN"] = "", ["K8SGPT_BACKEND"] = "" });
        var listening = await process.WaitForLineAsync(static l => l.Contains("serving gRPC on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var httpPort = int.Parse(HttpPortPattern().Match(listening).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", httpPort);
        var stream = tcp.GetStream();
        var body = """{"namespace":"shop"}""";
        var head = $"POST /v1/analyze HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // "100 Continue" comes once the handler reads the body: from then on the request is in flight.
        var interim = await ReadHeadAsync(stream).WaitAsync(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(body[..5]));
        process.Signal("TERM");
        await process.WaitForLineAsync(static l => l.Contains("stop requested", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(body[5..]));
        var response = await new StreamReader(stream).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 100 Continue", interim, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 OK", response, StringComparison.Ordinal);
        Assert.Contains("\"parentObject\":\"Deployment/web\"", response, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains(process.Stderr.Split('\n'), l => l.Contains("\"Message\":\"stopped\"", StringComparison.Ordinal));
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }

            bytes.Add(one[0]);
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"JSON routes on http://[^:]+:(\d+)")]
    private static partial Regex HttpPortPattern();
}
