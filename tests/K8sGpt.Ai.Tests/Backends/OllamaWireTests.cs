using K8sGpt.Ai.Tests.Support;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

public sealed class OllamaWireTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/v1")]
    [InlineData("/v1/")]
    public async Task Ollama_posts_to_api_chat_whatever_the_base_url_suffix(string suffix)
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.Ollama);
        var provider = BackendCase.ByName["ollama"].Provider(fake.Url + suffix) with { Temperature = 0.3, TopP = 0.9 };

        var answer = await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: the container keeps crashing. Solution: check its logs.", answer.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("", request.Query);
        var body = request.Json!;
        Assert.Equal("llama3", body["model"]!.GetValue<string>());
        Assert.Equal(0.3, body["options"]!["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(0.9, body["options"]!["top_p"]!.GetValue<double>(), 3);
        Assert.Equal("hello", FakeAiWire.PromptOf(FakeAiDialect.Ollama, request));
    }
}
