using System.Net;
using System.Text.Json;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7h: readiness names each misconfigured backend; metrics move with requests.</summary>
public sealed class ReadinessAndMetricsTests
{
    [Fact]
    public async Task Readyz_lists_every_backend_with_its_state_and_names_the_misconfigured_ones_and_their_problems()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("hi");
        var config = $"""
            ai:
              defaultprovider: openai
              providers:
                - name: openai
                  password: k
                  baseurl: {openAi.BaseAddress}
                - name: azureopenai
                  password: k
                  baseurl: http://127.0.0.1:9/
                - name: groq
                  model: llama3
                  baseurl: http://127.0.0.1:9/
                - name: cohere
                  password: k
                - name: other
                  baseurl: http://127.0.0.1:9/
            """;
        await using var server = await ServerHarness.StartAsync(config);

        var response = await server.Http.GetAsync(new Uri("readyz", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = body.RootElement;
        Assert.True(root.GetProperty("ready").GetBoolean());
        Assert.Equal("openai", root.GetProperty("defaultBackend").GetString());
        Assert.True(root.GetProperty("cluster").GetProperty("reachable").GetBoolean());
        var backends = root.GetProperty("backends").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!, b => b);
        Assert.Equal("Ready", backends["openai"].GetProperty("state").GetString());
        Assert.Equal("Invalid", backends["azureopenai"].GetProperty("state").GetString());
        Assert.Equal("engine", backends["azureopenai"].GetProperty("problems")[0].GetProperty("setting").GetString());
        Assert.Equal("Invalid", backends["groq"].GetProperty("state").GetString());
        Assert.Equal("password", backends["groq"].GetProperty("problems")[0].GetProperty("setting").GetString());
        Assert.Equal("the API key is missing", backends["groq"].GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.Equal("k8sgpt auth update --backend groq --password <key>", backends["groq"].GetProperty("problems")[0].GetProperty("fix").GetString());
        Assert.Equal("Unsupported", backends["cohere"].GetProperty("state").GetString());
        Assert.StartsWith("backend 'cohere' is not supported yet by this version", backends["cohere"].GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Invalid", backends["other"].GetProperty("state").GetString());
        Assert.Equal("name", backends["other"].GetProperty("problems")[0].GetProperty("setting").GetString());
        Assert.StartsWith("'other' is not a backend name; known backends: openai, anthropic,", backends["other"].GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, backends.Count);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_config_error_when_the_config_file_becomes_unreadable_while_healthz_stays_200()
    {
        await using var server = await ServerHarness.StartAsync("active_filters: [Pod]\n");
        await File.WriteAllTextAsync(server.ConfigPath, "ai: [unclosed\n");

        var ready = await server.Http.GetAsync(new Uri("readyz", UriKind.Relative));
        var health = await server.Http.GetAsync(new Uri("healthz", UriKind.Relative));
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.False(body.RootElement.GetProperty("config").GetProperty("loaded").GetBoolean());
        Assert.Contains("is not valid YAML", body.RootElement.GetProperty("config").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_an_unreadable_snapshot_as_not_reachable()
    {
        await using var server = await ServerHarness.StartAsync("", clusterSource: () => new K8sGpt.Core.Snapshot.Files.SnapshotFileSource("/nonexistent/snapshot.yaml"));

        var ready = await server.Http.GetAsync(new Uri("readyz", UriKind.Relative));
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.False(body.RootElement.GetProperty("cluster").GetProperty("reachable").GetBoolean());
        Assert.Contains("/nonexistent/snapshot.yaml", body.RootElement.GetProperty("cluster").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_requests_by_method_and_code_AI_calls_by_backend_and_analyzer_errors_by_object()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("hi");
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        await server.Query.QueryAsync(new QueryRequest { Query = "one" }, ServerHarness.Deadline());
        await server.Query.QueryAsync(new QueryRequest { Query = "two" }, ServerHarness.Deadline());
        await server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline());
        var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("k8sgpt_grpc_requests_total{method=\"/schema.v1.ServerQueryService/Query\",code=\"0\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_grpc_requests_total{method=\"/schema.v1.ServerAnalyzerService/Analyze\",code=\"0\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_grpc_request_duration_seconds_count{method=\"/schema.v1.ServerQueryService/Query\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_ai_requests_total{backend=\"openai\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_ai_request_duration_seconds_count{backend=\"openai\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("analyzer_errors{analyzer_name=\"Pod\",object_name=\"web-7f9-abcde\",namespace=\"shop\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("k8sgpt_cache_hits_total 0", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_namespace_scoped_Analyze_that_finds_nothing_keeps_the_analyzer_errors_series_of_another_scope()
    {
        await using var server = await ServerHarness.StartAsync("");

        await server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline());
        await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Namespace = "shop", LabelSelector = "app=none" }, ServerHarness.Deadline());
        var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("analyzer_errors{analyzer_name=\"Pod\",object_name=\"web-7f9-abcde\",namespace=\"shop\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_AI_calls_are_counted_by_backend_and_code()
    {
        await using var openAi = await FakeChatServer.StartAsync(_ => FakeChatReply.Error(500, "boom"));
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        await server.Query.QueryAsync(new QueryRequest { Query = "one" }, ServerHarness.Deadline());
        var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("k8sgpt_ai_errors_total{backend=\"openai\",code=\"14\"} 1", metrics, StringComparison.Ordinal);
    }
}
