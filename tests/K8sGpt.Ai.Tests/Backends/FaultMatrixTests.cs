using K8sGpt.Ai.Http;
using K8sGpt.Ai.Tests.Support;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

/// <summary>Every backend against every failure its endpoint can produce: a clear error naming it, never a crash.</summary>
public sealed class FaultMatrixTests
{
    public static TheoryData<string> Backends => BackendCase.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Unauthorized_is_an_auth_error_naming_the_backend_and_the_fix(string name)
    {
        var (error, requests) = await FailAsync(name, FakeReply.Error(401, "invalid key"));

        Assert.Equal(AiFailureKind.Unauthorized, error.Kind);
        Assert.Equal($"AI backend '{name}' rejected the credentials (HTTP 401): invalid key. Set a valid key: k8sgpt auth update --backend {name} --password <key>", error.Message);
        Assert.Equal(1, requests);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Not_found_says_the_model_or_deployment_does_not_exist(string name)
    {
        var (error, requests) = await FailAsync(name, FakeReply.Error(404, "deployment not found"));

        Assert.Equal(AiFailureKind.NotFound, error.Kind);
        Assert.StartsWith($"AI backend '{name}' answered 404 Not Found for POST http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": deployment not found: the model or deployment does not exist there. Check the model, engine and base URL (k8sgpt auth list --details)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, requests);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Rate_limit_with_retry_after_is_retried_then_succeeds(string name)
    {
        await using var fake = await FakeAiServer.StartAsync(BackendCase.ByName[name].Dialect);
        fake.Enqueue(FakeReply.RateLimited("1"), FakeReply.Answer("recovered"));

        var answer = await BackendCase.Build(BackendCase.ByName[name].Provider(fake.Url)).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(fake.Requests[0].Body, fake.Requests[1].Body);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Rate_limit_that_persists_is_a_quota_error(string name)
    {
        var (error, requests) = await FailAsync(name, FakeReply.RateLimited("0"), FakeReply.RateLimited("0"));

        Assert.Equal(AiFailureKind.RateLimited, error.Kind);
        Assert.Equal($"AI backend '{name}' is rate limiting requests or its quota is exhausted (HTTP 429 after 2 attempts): rate limited", error.Message);
        Assert.Equal(2, requests);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Server_error_is_retried_then_succeeds(string name)
    {
        await using var fake = await FakeAiServer.StartAsync(BackendCase.ByName[name].Dialect);
        fake.Enqueue(FakeReply.Error(500, "boom"), FakeReply.Answer("recovered"));

        var answer = await BackendCase.Build(BackendCase.ByName[name].Provider(fake.Url)).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_hanging_endpoint_times_out_with_a_clear_error(string name)
    {
        var http = BackendCase.FastHttp with { AttemptTimeout = TimeSpan.FromSeconds(2) };
        var (error, requests) = await FailAsync(name, http, FakeReply.Hanging());

        Assert.Equal(AiFailureKind.Timeout, error.Kind);
        Assert.StartsWith($"AI backend '{name}' did not answer within 2s (POST http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, requests);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_refused_connection_says_the_endpoint_cannot_be_reached(string name)
    {
        using var port = new RefusedPort();
        var backend = BackendCase.Build(BackendCase.ByName[name].Provider(port.Url));

        var error = await Assert.ThrowsAsync<AiBackendException>(() => backend.Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None));

        Assert.Equal(AiFailureKind.Unreachable, error.Kind);
        Assert.StartsWith($"cannot reach AI backend '{name}' at {port.Url}: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"Check the base URL (k8sgpt auth update --backend {name} --baseurl <url>) and that the server is running", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_empty_answer_is_an_error_not_a_crash(string name)
    {
        var (error, _) = await FailAsync(name, FakeReply.EmptyAnswer());

        Assert.Equal(AiFailureKind.BadResponse, error.Kind);
        Assert.Equal($"AI backend '{name}' returned an empty answer (no choices or no text)", error.Message);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Invalid_json_is_an_error_naming_the_backend(string name)
    {
        var (error, _) = await FailAsync(name, FakeReply.InvalidJson());

        Assert.Equal(AiFailureKind.BadResponse, error.Kind);
        Assert.StartsWith($"AI backend '{name}' returned ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_html_error_page_is_reported_as_such(string name)
    {
        var (error, requests) = await FailAsync(name, FakeReply.HtmlPage(502), FakeReply.HtmlPage(502));

        Assert.Equal(AiFailureKind.ServerError, error.Kind);
        Assert.EndsWith("(the answer is an HTML page, not the API: check the base URL)", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"AI backend '{name}' failed with HTTP 502 after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, requests);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_html_page_with_status_200_is_not_taken_for_an_answer(string name)
    {
        var (error, _) = await FailAsync(name, FakeReply.HtmlPage(200));

        Assert.Equal(AiFailureKind.BadResponse, error.Kind);
        Assert.StartsWith($"AI backend '{name}' answered with an HTML page instead of JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Cancellation_by_the_caller_is_not_reported_as_a_backend_failure(string name)
    {
        await using var fake = await FakeAiServer.StartAsync(BackendCase.ByName[name].Dialect);
        fake.Enqueue(FakeReply.Hanging());
        var backend = BackendCase.Build(BackendCase.ByName[name].Provider(fake.Url));
        using var cts = new CancellationTokenSource();

        var call = backend.Client.GetResponseAsync("hello", cancellationToken: cts.Token);
        await WaitForRequestAsync(fake);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static Task<(AiBackendException Error, int Requests)> FailAsync(string name, params FakeReply[] replies) =>
        FailAsync(name, BackendCase.FastHttp, replies);

    private static async Task<(AiBackendException Error, int Requests)> FailAsync(string name, AiHttpOptions http, params FakeReply[] replies)
    {
        await using var fake = await FakeAiServer.StartAsync(BackendCase.ByName[name].Dialect);
        fake.Enqueue(replies);
        var backend = BackendCase.Build(BackendCase.ByName[name].Provider(fake.Url), http);

        var error = await Assert.ThrowsAsync<AiBackendException>(() => backend.Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None));

        Assert.Equal(name, error.Backend);
        return (error, fake.Requests.Count);
    }

    private static async Task WaitForRequestAsync(FakeAiServer fake)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (fake.Requests.Count == 0)
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
