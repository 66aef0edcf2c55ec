using K8sGpt.Ai.Tests.Support;
using K8sGpt.Testing.FakeAi;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Tests.Backends;

public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public async Task One_client_serves_concurrent_calls_each_with_its_own_answer(string name)
    {
        await using var fake = await FakeAiServer.StartAsync(BackendCase.ByName[name].Dialect);
        fake.Responder = static prompt => "re: " + prompt;
        var client = BackendCase.Build(BackendCase.ByName[name].Provider(fake.Url)).Client;

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.GetResponseAsync($"question {i}", new ChatOptions { Temperature = i / 20f }, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(0, 16).Select(static i => $"re: question {i}"), answers.Select(static a => a.Text));
        Assert.Equal(16, fake.Requests.Count);
    }

    public static TheoryData<string> Names => BackendCase.Names;
}
