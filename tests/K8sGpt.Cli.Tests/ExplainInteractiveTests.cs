using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Cli.Tests;

public sealed class ExplainInteractiveTests
{
    [Fact]
    public async Task Questions_are_answered_with_the_analysis_as_context_and_the_conversation_remembered()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "openai", "-u", fake.Url + "/v1", "-p", "sk-1");
        var snapshot = home.Snapshot;
        await home.RunAsync("analyze", "--snapshot", snapshot, "--explain");
        var explained = fake.Requests.Count;
        fake.Enqueue(FakeReply.Answer("first answer"), FakeReply.Answer("second answer"));

        var (exit, output, _) = await home.RunAsync("why is worker-1 pending?\n\nand then?\nexit\nnever asked\n", true, "analyze", "--snapshot", snapshot, "--explain", "--interactive");

        Assert.Equal(0, exit);
        Assert.EndsWith("first answer\nsecond answer\n", output, StringComparison.Ordinal);
        Assert.Equal(explained + 2, fake.Requests.Count);
        var last = fake.Requests[^1].Json!["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], last.Select(static m => m!["role"]!.GetValue<string>()));
        Assert.Contains("0: Pod payments/worker-1()", last[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("first answer", last[2]!["content"]!.GetValue<string>());
        Assert.Equal("and then?", last[3]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task End_of_input_ends_the_session_with_exit_0()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "noopai");

        var (exit, _, error) = await home.RunAsync("", true, "analyze", "--snapshot", home.Snapshot, "--explain", "--interactive");

        Assert.Equal(0, exit);
        Assert.Equal("Ask about these results; type exit (or press Ctrl-D) to finish.\n> ", error);
    }

    [Fact]
    public async Task Anonymized_sessions_send_no_names_and_show_real_ones()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "openai", "-u", fake.Url + "/v1", "-p", "sk-1");
        fake.Responder = static prompt => "you asked: " + prompt;

        var (exit, output, _) = await home.RunAsync("why is payments/worker-1 pending?\n", true, "analyze", "--snapshot", home.Snapshot, "--explain", "--interactive", "--anonymize", "--no-cache");

        Assert.Equal(0, exit);
        Assert.EndsWith("you asked: why is payments/worker-1 pending?\n", output, StringComparison.Ordinal);
        Assert.All(fake.Requests, static r => Assert.All(ExplainFixtures.SensitiveNames, n => Assert.DoesNotContain(n, r.Body, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Interactive_without_explain_is_a_usage_error()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--interactive");

        Assert.Equal((1, "Error: --interactive needs --explain: the questions are answered by the AI backend\n"), (exit, error));
    }
}
