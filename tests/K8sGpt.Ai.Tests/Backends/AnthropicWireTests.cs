using K8sGpt.Ai.Tests.Support;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

public sealed class AnthropicWireTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/v1")]
    [InlineData("/v1/messages")]
    public async Task Anthropic_posts_messages_with_the_key_version_and_max_tokens(string suffix)
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.Anthropic);
        var provider = BackendCase.ByName["anthropic"].Provider(fake.Url + suffix) with { Temperature = 0.4, TopK = 20, CustomHeaders = [new("X-Team", ["platform"])] };

        var answer = await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: the container keeps crashing. Solution: check its logs.", answer.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal("", request.Query);
        Assert.Equal("ant-key", request.Header("x-api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("2023-06-01", request.Header("anthropic-version"));
        Assert.Equal("platform", request.Header("X-Team"));
        var body = request.Json!;
        Assert.Equal("claude-3-5-sonnet-latest", body["model"]!.GetValue<string>());
        Assert.Equal(2048, body["max_tokens"]!.GetValue<int>());
        Assert.Equal(0.4, body["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(20, body["top_k"]!.GetValue<int>());
        Assert.Null(body["top_p"]);
        Assert.Equal("hello", FakeAiWire.PromptOf(FakeAiDialect.Anthropic, request));
    }
}
