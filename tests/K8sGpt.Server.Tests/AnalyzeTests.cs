using Grpc.Core;
using K8sGpt.Ai.Http;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Analyze over gRPC: the shared analysis path, every field, real status codes.</summary>
public sealed class AnalyzeTests
{
    [Fact]
    public async Task Analyze_returns_every_result_field_with_parent_object_resolved_to_the_top_owner()
    {
        await using var server = await ServerHarness.StartAsync("");

        var reply = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Namespace = "shop", Filters = { "Pod" } }, ServerHarness.Deadline());

        var result = Assert.Single(reply.Results);
        Assert.Equal("ProblemDetected", reply.Status);
        Assert.Equal(1, reply.Problems);
        Assert.Equal("Pod", result.Kind);
        Assert.Equal("shop/web-7f9-abcde", result.Name);
        Assert.Equal("Deployment/web", result.ParentObject);
        Assert.Contains("Insufficient cpu", Assert.Single(result.Error).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_label_selector_is_INVALID_ARGUMENT()
    {
        await using var server = await ServerHarness.StartAsync("");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest { LabelSelector = "app in (" }, ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("invalid label selector", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_output_is_INVALID_ARGUMENT_because_the_wire_carries_json()
    {
        await using var server = await ServerHarness.StartAsync("");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Output = "text" }, ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Explain_without_any_backend_is_FAILED_PRECONDITION_saying_none_is_configured()
    {
        await using var server = await ServerHarness.StartAsync("");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true }, ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("explain needs an AI backend and none is configured", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_with_an_unknown_backend_is_INVALID_ARGUMENT_but_without_explain_the_backend_is_ignored()
    {
        await using var server = await ServerHarness.StartAsync("");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true, Backend = "openai" }, ServerHarness.Deadline()).ResponseAsync);
        var plain = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Backend = "openai" }, ServerHarness.Deadline());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(1, plain.Problems);
    }

    [Fact]
    public async Task Explain_with_a_ready_backend_fills_the_details_from_the_backend_and_names_the_provider()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("The pod needs more CPU than any node has free.");
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        var reply = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true, Nocache = true }, ServerHarness.Deadline());

        Assert.Equal(1, reply.Problems);
        Assert.Equal("The pod needs more CPU than any node has free.", Assert.Single(reply.Results).Details);
        Assert.Empty(reply.Errors);
        Assert.Contains("Insufficient cpu", Assert.Single(openAi.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explanations_are_cached_and_the_cache_hits_misses_and_AI_calls_show_in_metrics()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("The pod needs more CPU than any node has free.");
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        var first = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true }, ServerHarness.Deadline());
        var second = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true }, ServerHarness.Deadline());
        var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(first.Results[0].Details, second.Results[0].Details);
        Assert.Single(openAi.Requests);
        Assert.Contains("k8sgpt_cache_misses_total 1", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_cache_hits_total 1", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_ai_requests_total{backend=\"openai\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_ai_request_duration_seconds_count{backend=\"openai\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_explanation_call_is_counted_as_an_AI_error_by_backend_and_code()
    {
        await using var openAi = await FakeChatServer.StartAsync(_ => FakeChatReply.Error(500, "boom"));
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true, Nocache = true }, ServerHarness.Deadline());
        var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("k8sgpt_ai_errors_total{backend=\"openai\",code=\"14\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_with_a_failing_backend_keeps_the_results_and_puts_the_AI_layers_message_in_errors()
    {
        await using var openAi = await FakeChatServer.StartAsync(_ => FakeChatReply.Error(500, "boom"));
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        var reply = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true, Nocache = true }, ServerHarness.Deadline());

        Assert.Equal(1, reply.Problems);
        Assert.Equal("", Assert.Single(reply.Results).Details);
        Assert.Equal($"explain Pod shop/web-7f9-abcde: AI backend 'openai' failed with HTTP 500 for POST {openAi.BaseAddress}chat/completions: boom", Assert.Single(reply.Errors));
    }

    [Fact]
    public async Task An_explain_step_that_fails_as_a_whole_keeps_the_results_puts_the_message_in_errors_and_counts_the_code()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("unused");
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        var error = new AiBackendException("openai", AiFailureKind.RateLimited, "AI backend 'openai' is rate limiting requests or its quota is exhausted (HTTP 429)", 429);
        await using var server = await ServerHarness.StartAsync(config, customize: s => s with { Explainer = new ThrowingExplainer(error) });

        var reply = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Explain = true }, ServerHarness.Deadline());
        var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(1, reply.Problems);
        Assert.Equal("explain: AI backend 'openai' is rate limiting requests or its quota is exhausted (HTTP 429)", Assert.Single(reply.Errors));
        Assert.Contains("k8sgpt_ai_errors_total{backend=\"openai\",code=\"8\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_snapshot_is_UNAVAILABLE()
    {
        await using var server = await ServerHarness.StartAsync("", clusterSource: () => new SnapshotFileSource("/nonexistent/snapshot.yaml"));

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("/nonexistent/snapshot.yaml", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_call_deadline_is_honoured_when_the_cluster_does_not_answer()
    {
        await using var server = await ServerHarness.StartAsync("", clusterSource: () => new HangingSource());

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);
        var health = await server.Http.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_INTERNAL_with_a_correlation_id_logged_with_the_stack_trace()
    {
        var calls = 0;
        await using var server = await ServerHarness.StartAsync("", clusterSource: () => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("bug in the source")
            : new HangingSource());

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline()).ResponseAsync);
        var list = await server.Config.ListIntegrationsAsync(new ListIntegrationsRequest(), ServerHarness.Deadline());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        var id = System.Text.RegularExpressions.Regex.Match(error.Status.Detail, "correlation id ([0-9a-f]{12})").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.DoesNotContain("bug in the source", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, l => l.Contains($"correlation id {id}", StringComparison.Ordinal) && l.Contains("bug in the source", StringComparison.Ordinal) && l.Contains(" at ", StringComparison.Ordinal));
        Assert.False(list.Trivy.Enabled);
    }
}
