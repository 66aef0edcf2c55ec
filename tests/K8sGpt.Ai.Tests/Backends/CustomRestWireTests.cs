using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Tests.Support;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

public sealed class CustomRestWireTests
{
    [Fact]
    public async Task Customrest_posts_model_prompt_and_options_with_bearer_token_and_ndjson_accept()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.CustomRest);
        var provider = BackendCase.ByName["customrest"].Provider(fake.Url) with { Temperature = 0.5, TopP = 0.7, TopK = 40 };
        var options = new ChatOptions { AdditionalProperties = new() { [ExplainProperties.Language] = "german", [ExplainProperties.Message] = "Back-off pulling image \"nginx:1.25\\\"x\"" } };

        var answer = await BackendCase.Build(provider).Client.GetResponseAsync("explain: image \"nginx\" \\ {x}", options, CancellationToken.None);

        Assert.Equal("Error: the container keeps crashing. Solution: check its logs.", answer.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/explain", request.Path);
        Assert.Equal("Bearer rest-token", request.Header("Authorization"));
        Assert.Equal("application/x-ndjson", request.Header("Accept"));
        var body = request.Json!;
        Assert.Equal("my-model", body["model"]!.GetValue<string>());
        Assert.Equal("explain: image \"nginx\" \\ {x}", body["prompt"]!.GetValue<string>());
        Assert.Equal(0.5, body["options"]!["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(0.7, body["options"]!["top_p"]!.GetValue<double>(), 3);
        Assert.Equal(40, body["options"]!["top_k"]!.GetValue<int>());
        Assert.Equal("Back-off pulling image \"nginx:1.25\\\"x\"", body["options"]!["message"]!.GetValue<string>());
        Assert.Equal("german", body["options"]!["language"]!.GetValue<string>());
    }
}
