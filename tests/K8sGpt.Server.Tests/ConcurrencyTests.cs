using System.Text.Json;
using Grpc.Net.Client;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7e: concurrent calls share no state; every answer comes from its own backend.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Five_hundred_concurrent_Query_and_Analyze_calls_across_two_backends_each_get_their_own_answer()
    {
        await using var openAi = await FakeChatServer.StartAsync(r => FakeChatReply.Answer("openai:" + LastUserMessage(r.Body)));
        await using var azure = await FakeChatServer.StartAsync(r => FakeChatReply.Answer("azure:" + LastUserMessage(r.Body)));
        var config = $"""
            ai:
              providers:
                - name: openai
                  password: openai-key
                  baseurl: {openAi.BaseAddress}
                - name: azureopenai
                  password: azure-key
                  baseurl: {azure.BaseAddress}
                  engine: deploy
            """;
        await using var server = await ServerHarness.StartAsync(config, customize: s => s with { AiCallTimeout = TimeSpan.FromSeconds(60) });
        using var channel = GrpcChannel.ForAddress(
            $"http://127.0.0.1:{server.Running.GrpcPort}",
            new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var query = new ServerQueryService.ServerQueryServiceClient(channel);
        var analyzer = new ServerAnalyzerService.ServerAnalyzerServiceClient(channel);

        var calls = Enumerable.Range(0, 500).Select(async i =>
        {
            if (i % 5 == 4)
            {
                var report = await analyzer.AnalyzeAsync(new AnalyzeRequest { Namespace = "shop" }, ServerHarness.Deadline(120));
                return (Expected: "1 Deployment/web", Actual: $"{report.Problems} {report.Results[0].ParentObject}");
            }

            var backend = i % 2 == 0 ? "openai" : "azureopenai";
            var reply = await query.QueryAsync(new QueryRequest { Backend = backend, Query = $"question {i}" }, ServerHarness.Deadline(120));
            return (Expected: $"{(i % 2 == 0 ? "openai" : "azure")}:question {i}", Actual: reply.Response);
        });
        var results = await Task.WhenAll(calls);

        Assert.Equal(500, results.Length);
        Assert.All(results, r => Assert.Equal(r.Expected, r.Actual));
        Assert.Equal(200, openAi.Requests.Count);
        Assert.Equal(200, azure.Requests.Count);
        Assert.All(azure.Requests, r => Assert.Equal("azure-key", r.ApiKey));
        Assert.All(openAi.Requests, r => Assert.Equal("Bearer openai-key", r.Authorization));
    }

    private static string LastUserMessage(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").ToString();
    }
}
