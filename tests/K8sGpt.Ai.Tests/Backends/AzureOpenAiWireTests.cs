using K8sGpt.Ai.Tests.Support;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

public sealed class AzureOpenAiWireTests
{
    [Fact]
    public async Task Azure_posts_to_the_deployment_with_the_ga_api_version_and_api_key_header()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var provider = BackendCase.ByName["azureopenai"].Provider(fake.Url) with { Temperature = 0.2, CustomHeaders = [new("X-Team", ["platform"])] };

        var answer = await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: the container keeps crashing. Solution: check its logs.", answer.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/openai/deployments/k8sgpt-deploy/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal("azure-key", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("platform", request.Header("X-Team"));
        Assert.Equal("k8sgpt-deploy", request.Json!["model"]!.GetValue<string>());
        Assert.Equal(0.2, request.Json!["temperature"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task Azure_honours_the_configured_api_version()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var provider = BackendCase.ByName["azureopenai"].Provider(fake.Url) with { AzureApiVersion = "2024-06-01" };

        await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        Assert.Equal("?api-version=2024-06-01", Assert.Single(fake.Requests).Query);
    }

    [Fact]
    public async Task Azure_ad_sends_the_key_as_a_bearer_token_and_no_api_key_header()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var provider = BackendCase.ByName["azureopenai"].Provider(fake.Url) with { AzureApiType = "AZURE_AD" };

        await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("Bearer azure-key", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
    }
}
