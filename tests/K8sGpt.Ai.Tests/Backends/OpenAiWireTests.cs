using K8sGpt.Ai.Tests.Support;
using K8sGpt.Core.Config;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

public sealed class OpenAiWireTests
{
    [Fact]
    public async Task Openai_posts_chat_completions_with_key_organization_headers_and_sampling()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var provider = BackendCase.ByName["openai"].Provider(fake.Url) with
        {
            OrganizationId = "org-42",
            Temperature = 0.25,
            TopP = 0.5,
            CustomHeaders = [new("X-Team", ["platform"])],
        };

        var answer = await BackendCase.Build(provider).Client.GetResponseAsync("why does pod web crash?", cancellationToken: CancellationToken.None);

        Assert.Equal("Error: the container keeps crashing. Solution: check its logs.", answer.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("", request.Query);
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
        Assert.Equal("org-42", request.Header("OpenAI-Organization"));
        Assert.Equal("platform", request.Header("X-Team"));
        var body = request.Json!;
        Assert.Equal("gpt-4o-mini", body["model"]!.GetValue<string>());
        Assert.Equal(0.25, body["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(0.5, body["top_p"]!.GetValue<double>(), 3);
        Assert.Equal(2048, body["max_completion_tokens"]!.GetValue<int>());
        Assert.Null(body["max_tokens"]);
        Assert.Equal("user", body["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("why does pod web crash?", FakeAiWire.PromptOf(FakeAiDialect.OpenAi, request));
    }

    [Theory]
    [InlineData("localai")]
    [InlineData("litellm")]
    [InlineData("groq")]
    public async Task Compatible_servers_get_max_tokens_instead_of_max_completion_tokens(string name)
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var provider = BackendCase.ByName[name].Provider(fake.Url) with { MaxTokens = 512 };

        await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        var body = Assert.Single(fake.Requests).Json!;
        Assert.Equal(512, body["max_tokens"]!.GetValue<int>());
        Assert.Null(body["max_completion_tokens"]);
    }

    [Fact]
    public async Task Localai_without_a_key_sends_no_authorization_header()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);

        await BackendCase.Build(BackendCase.ByName["localai"].Provider(fake.Url)).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Groq_sends_its_key_as_bearer_to_the_configured_base()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);

        await BackendCase.Build(BackendCase.ByName["groq"].Provider(fake.Url)).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("Bearer gsk-test", request.Header("Authorization"));
        Assert.Equal("llama3-70b", request.Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Proxy_endpoint_carries_the_request_to_the_proxy()
    {
        await using var proxy = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var provider = new AiProviderConfig { Name = "openai", Password = "sk-test", BaseUrl = "http://api.example.invalid/v1", Model = "gpt-4o", ProxyEndpoint = proxy.Url };

        await BackendCase.Build(provider).Client.GetResponseAsync("hello", cancellationToken: CancellationToken.None);

        var request = Assert.Single(proxy.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("api.example.invalid", request.Header("Host"));
    }
}
