using System.Net;
using Grpc.Core;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7d: every fault of the Azure endpoint becomes an answer with an error; the server stays up.</summary>
public sealed class BackendFaultTests
{
    private const string Chat = "POST {endpoint}openai/deployments/k8sgpt-deploy/chat/completions";

    /// <summary>Each fault with its gRPC code and the AI layer's exact message (<c>{endpoint}</c> is the fake's address).</summary>
    public static TheoryData<string, StatusCode, string> Faults => new()
    {
        { "401", StatusCode.Unauthenticated, "AI backend 'azureopenai' rejected the credentials (HTTP 401): Access denied due to invalid subscription key. Set a valid key: k8sgpt auth update --backend azureopenai --password <key>" },
        { "403", StatusCode.Unauthenticated, "AI backend 'azureopenai' rejected the credentials (HTTP 403): Public access is disabled. Set a valid key: k8sgpt auth update --backend azureopenai --password <key>" },
        { "404", StatusCode.NotFound, $"AI backend 'azureopenai' answered 404 Not Found for {Chat}: The API deployment for this resource does not exist: the model or deployment does not exist there. Check the model, engine and base URL (k8sgpt auth list --details)" },
        { "429", StatusCode.ResourceExhausted, "AI backend 'azureopenai' is rate limiting requests or its quota is exhausted (HTTP 429): Rate limit reached" },
        { "500", StatusCode.Unavailable, $"AI backend 'azureopenai' failed with HTTP 500 for {Chat}: Internal server error" },
        { "400", StatusCode.Unknown, $"AI backend 'azureopenai' refused the request with HTTP 400 for {Chat}: This model's maximum context length is 128000 tokens" },
        { "hang", StatusCode.DeadlineExceeded, $"AI backend 'azureopenai' did not answer within 2s ({Chat})" },
        { "empty-choices", StatusCode.Internal, "AI backend 'azureopenai' returned an empty answer (no choices or no text)" },
        { "invalid-json", StatusCode.Internal, "AI backend 'azureopenai' returned a response that is not valid JSON: " },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Query_during_a_backend_fault_answers_OK_with_the_error_and_the_next_healthy_query_succeeds(string fault, StatusCode code, string message)
    {
        await using var azure = await FakeChatServer.StartAsync(_ => Fault(fault));
        await using var server = await ServerHarness.StartAsync(
            ServerHarness.AzureConfig(azure.BaseAddress),
            customize: fault == "hang" ? s => s with { RegistryFactory = TestBackendRegistry.WithAttemptTimeout(TimeSpan.FromSeconds(2)) } : null);

        var failed = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());
        var health = await server.Http.GetAsync(new Uri("healthz", UriKind.Relative));
        azure.Reply = _ => FakeChatReply.Answer("healthy again");
        var healed = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal("", failed.Response);
        Assert.Equal((int)code, failed.Error.Code);
        Assert.StartsWith(message.Replace("{endpoint}", azure.BaseAddress.ToString(), StringComparison.Ordinal), failed.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-secret-key", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy again", healed.Response);
    }

    [Fact]
    public async Task Query_to_an_endpoint_nobody_listens_on_answers_OK_with_UNAVAILABLE_naming_the_address_and_the_fix()
    {
        // Port 9 (discard) on loopback: nothing serves it, so the connection is refused.
        var address = new Uri("http://127.0.0.1:9/");
        await using var server = await ServerHarness.StartAsync(ServerHarness.AzureConfig(address));

        var failed = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal((int)StatusCode.Unavailable, failed.Error.Code);
        Assert.StartsWith($"cannot reach AI backend 'azureopenai' at {address.GetLeftPart(UriPartial.Authority)}: ", failed.Error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check the base URL (k8sgpt auth update --backend azureopenai --baseurl <url>) and that the server is running", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_that_outlasts_the_servers_AI_call_limit_answers_OK_with_DEADLINE_EXCEEDED_naming_that_limit()
    {
        await using var azure = await FakeChatServer.StartAsync(_ => FakeChatReply.Hanging());
        await using var server = await ServerHarness.StartAsync(ServerHarness.AzureConfig(azure.BaseAddress), customize: s => s with { AiCallTimeout = TimeSpan.FromSeconds(1) });

        var failed = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal((int)StatusCode.DeadlineExceeded, failed.Error.Code);
        Assert.Equal("AI backend 'azureopenai' did not answer within 1s (the server's limit for one AI call)", failed.Error.Message);
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
        "403" => FakeChatReply.Error(403, "Public access is disabled"),
        "404" => FakeChatReply.Error(404, "The API deployment for this resource does not exist"),
        "429" => FakeChatReply.Error(429, "Rate limit reached", new Dictionary<string, string> { ["Retry-After"] = "7" }),
        "500" => FakeChatReply.Error(500, "Internal server error"),
        "400" => FakeChatReply.Error(400, "This model's maximum context length is 128000 tokens"),
        "hang" => FakeChatReply.Hanging(),
        "empty-choices" => FakeChatReply.EmptyChoices(),
        "invalid-json" => FakeChatReply.InvalidJson(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
