using Grpc.Core;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7a and §7c: the incumbent's crash on the first Azure Query, reproduced and passed.</summary>
public sealed class AzureQueryTests
{
    [Fact]
    public async Task Query_to_azureopenai_from_the_config_file_returns_the_fake_answer_over_the_azure_path()
    {
        await using var azure = await FakeChatServer.AnsweringAsync("Hello from Azure");
        await using var server = await ServerHarness.StartAsync(ServerHarness.AzureConfig(azure.BaseAddress), customize: s => s with { Backend = "azureopenai" });

        var reply = await server.Query.QueryAsync(new QueryRequest { Backend = "azureopenai", Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal("Hello from Azure", reply.Response);
        Assert.Equal("", reply.Error.Message);
        var seen = Assert.Single(azure.Requests);
        Assert.Equal("/openai/deployments/k8sgpt-deploy/chat/completions", seen.Path);
        Assert.Equal("?api-version=2024-10-21", seen.Query);
        Assert.Equal("azure-secret-key", seen.ApiKey);
        Assert.Null(seen.Authorization);
    }

    [Fact]
    public async Task Query_to_azureopenai_described_by_K8SGPT_environment_variables_returns_the_fake_answer()
    {
        await using var azure = await FakeChatServer.AnsweringAsync("Hello from the environment");
        var environment = new Dictionary<string, string>
        {
            ["K8SGPT_BACKEND"] = "azureopenai",
            ["K8SGPT_PASSWORD"] = "env-secret-key",
            ["K8SGPT_MODEL"] = "gpt-4o",
            ["K8SGPT_BASEURL"] = azure.BaseAddress.ToString(),
            ["K8SGPT_ENGINE"] = "env-deploy",
            ["K8SGPT_AZURE_API_VERSION"] = "2024-10-21",
        };
        await using var server = await ServerHarness.StartAsync("", environment);

        var reply = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal("Hello from the environment", reply.Response);
        var seen = Assert.Single(azure.Requests);
        Assert.Equal("/openai/deployments/env-deploy/chat/completions", seen.Path);
        Assert.Equal("?api-version=2024-10-21", seen.Query);
        Assert.Equal("env-secret-key", seen.ApiKey);
    }

    [Fact]
    public async Task Environment_provider_is_never_written_to_the_config_file()
    {
        await using var azure = await FakeChatServer.AnsweringAsync("ok");
        var environment = new Dictionary<string, string>
        {
            ["K8SGPT_BACKEND"] = "azureopenai",
            ["K8SGPT_PASSWORD"] = "env-secret-key",
            ["K8SGPT_BASEURL"] = azure.BaseAddress.ToString(),
            ["K8SGPT_ENGINE"] = "env-deploy",
        };
        await using var server = await ServerHarness.StartAsync("active_filters: [Pod]\n", environment);
        await server.Config.AddConfigAsync(
            new AddConfigRequest { CustomAnalyzers = { new CustomAnalyzer { Name = "x", Connection = new Connection { Url = "localhost", Port = "8085" } } } },
            ServerHarness.Deadline());

        var text = await File.ReadAllTextAsync(server.ConfigPath);

        Assert.DoesNotContain("env-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("azureopenai", text, StringComparison.Ordinal);
        Assert.Contains("name: x", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_naming_a_broken_azureopenai_gets_FAILED_PRECONDITION_naming_the_missing_engine_and_the_next_valid_request_succeeds()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("Hello from OpenAI");
        var config = $"""
            ai:
              defaultprovider: openai
              providers:
                - name: openai
                  model: gpt-4o-mini
                  password: openai-key
                  baseurl: {openAi.BaseAddress}
                - name: azureopenai
                  password: azure-key
                  baseurl: http://127.0.0.1:9/
            """;
        await using var server = await ServerHarness.StartAsync(config);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Query.QueryAsync(new QueryRequest { Backend = "azureopenai", Query = "hello" }, ServerHarness.Deadline()).ResponseAsync);
        var next = await server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("\"azureopenai\" is not usable", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("engine: the deployment name (engine) is missing", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("k8sgpt auth update --backend azureopenai --engine <deployment>", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-key", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("Hello from OpenAI", next.Response);
    }

    [Fact]
    public async Task Query_naming_an_unknown_backend_is_INVALID_ARGUMENT_listing_the_configured_ones()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("hi");
        var config = $"ai:\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Query.QueryAsync(new QueryRequest { Backend = "nope", Query = "hello" }, ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("the AI backend \"nope\" is not configured (configured backends: openai)", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_query_is_INVALID_ARGUMENT()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("hi");
        var config = $"ai:\n  defaultprovider: openai\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Query.QueryAsync(new QueryRequest { Query = "  " }, ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Empty(openAi.Requests);
    }

    [Fact]
    public async Task Without_any_provider_the_server_serves_analysis_and_Query_is_FAILED_PRECONDITION()
    {
        await using var server = await ServerHarness.StartAsync("");

        var analysis = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline());
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Query.QueryAsync(new QueryRequest { Query = "hello" }, ServerHarness.Deadline()).ResponseAsync);

        Assert.Equal(1, analysis.Problems);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("none is configured", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, l => l.StartsWith("Warning: no AI provider is configured", StringComparison.Ordinal));
    }
}
