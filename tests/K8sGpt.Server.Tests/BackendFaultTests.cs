using System.Net;
using Grpc.Core;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7d: every fault of the Azure endpoint becomes an answer with an error; the server stays up.</summary>
public sealed class BackendFaultTests
{
    public static TheoryData<string, StatusCode, string> Faults => new()
    {
        { "401", StatusCode.Unauthenticated, "backend azureopenai rejected the API key (HTTP 401)" },
        { "404", StatusCode.NotFound, "backend azureopenai answered HTTP 404: check the base URL, model or deployment (engine)" },
        { "429", StatusCode.ResourceExhausted, "backend azureopenai is rate limiting (HTTP 429)" },
        { "500", StatusCode.Unavailable, "backend azureopenai failed with HTTP 500" },
        { "hang", StatusCode.DeadlineExceeded, "backend azureopenai did not answer within 2 s" },
        { "empty-choices", StatusCode.Internal, "backend azureopenai sent a response that could not be read" },
        { "invalid-json", StatusCode.Internal, "backend azureopenai sent a response that could not be read" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Query_during_a_backend_fault_answers_OK_with_the_error_and_the_next_healthy_query_succeeds(string fault, StatusCode code, string message)
    {
        await using var azure = await FakeChatServer.StartAsync(_ => Fault(fault));
        await using var server = await ServerHarness.StartAsync(ServerHarness.AzureConfig(azure.BaseAddress));

        var failed = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());
        var health = await server.Http.GetAsync(new Uri("healthz", UriKind.Relative));
        azure.Reply = _ => FakeChatReply.Answer("healthy again");
        var healed = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal("", failed.Response);
        Assert.Equal((int)code, failed.Error.Code);
        Assert.StartsWith(message, failed.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-secret-key", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy again", healed.Response);
    }

    [Fact]
    public async Task A_client_deadline_shorter_than_a_hanging_backend_ends_the_call_with_DEADLINE_EXCEEDED_and_the_server_keeps_serving()
    {
        await using var azure = await FakeChatServer.StartAsync(_ => FakeChatReply.Hanging());
        await using var server = await ServerHarness.StartAsync(ServerHarness.AzureConfig(azure.BaseAddress), customize: s => s with { AiCallTimeout = TimeSpan.FromMinutes(5) });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Query.QueryAsync(new QueryRequest { Query = "hello" }, deadline: DateTime.UtcNow.AddMilliseconds(500)).ResponseAsync);
        azure.Reply = _ => FakeChatReply.Answer("still here");
        var next = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal("still here", next.Response);
    }

    private static FakeChatReply Fault(string fault) => fault switch
    {
        "401" => FakeChatReply.Error(401, "Access denied due to invalid subscription key"),
        "404" => FakeChatReply.Error(404, "The API deployment for this resource does not exist"),
        "429" => FakeChatReply.Error(429, "Rate limit reached", new Dictionary<string, string> { ["Retry-After"] = "7" }),
        "500" => FakeChatReply.Error(500, "Internal server error"),
        "hang" => FakeChatReply.Hanging(),
        "empty-choices" => FakeChatReply.EmptyChoices(),
        "invalid-json" => FakeChatReply.InvalidJson(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
