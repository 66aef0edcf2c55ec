using K8sGpt.Ai.Cache;
using K8sGpt.Ai.Explain;
using K8sGpt.Ai.Tests.Support;
using K8sGpt.Core.Findings;
using K8sGpt.Testing.FakeAi;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Ai.Tests.Explain;

public sealed class ExplainerTests
{
    [Fact]
    public async Task Every_result_gets_details_and_identical_inputs_are_explained_once()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        fake.Responder = static prompt => "answer for " + Problem(prompt);

        var report = await ExplainAsync(fake, new ExplainOptions());

        Assert.Equal("openai", report.Provider);
        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(4, report.Results.Count);
        Assert.All(report.Results, static r => Assert.Equal("answer for " + string.Join(" ", r.Failures.Select(static f => f.Text)), r.Details));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task The_language_is_part_of_the_prompt()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);

        await ExplainAsync(fake, new ExplainOptions { Language = "german", MaxConcurrency = 1 });

        Assert.All(fake.Requests, static r => Assert.Contains("In german,", FakeAiWire.PromptOf(FakeAiDialect.OpenAi, r), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_call_is_one_error_and_the_other_results_are_still_explained()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        fake.Enqueue(FakeReply.Error(400, "context too long"));

        var report = await ExplainAsync(fake, new ExplainOptions { MaxConcurrency = 1 });

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("explain Pod ", error, StringComparison.Ordinal);
        Assert.Contains("AI backend 'openai' refused the request with HTTP 400", error, StringComparison.Ordinal);
        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(report.Results.Count - CountOf(report, report.Results.First(static r => r.Details.Length == 0)), report.Results.Count(static r => r.Details.Length > 0));
    }

    [Fact]
    public async Task A_rejected_key_stops_further_calls_with_one_error()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        fake.Enqueue(FakeReply.Error(401, "bad key"));

        var report = await ExplainAsync(fake, new ExplainOptions { MaxConcurrency = 1 });

        Assert.Single(fake.Requests);
        Assert.Equal(
            "explain: AI backend 'openai' rejected the credentials (HTTP 401): bad key. Set a valid key: k8sgpt auth update --backend openai --password <key>; no further explanations were requested from 'openai'",
            Assert.Single(report.Errors));
        Assert.All(report.Results, static r => Assert.Equal("", r.Details));
    }

    [Fact]
    public async Task Anonymized_runs_send_no_sensitive_value_and_answers_come_back_unmasked()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        fake.Responder = static prompt => "about " + Problem(prompt);

        var report = await ExplainAsync(fake, new ExplainOptions { Anonymize = true });

        Assert.Equal(3, fake.Requests.Count);
        foreach (var request in fake.Requests)
        {
            foreach (var name in ExplainFixtures.SensitiveNames)
            {
                Assert.DoesNotContain(name, request.Body, StringComparison.Ordinal);
            }
        }

        var worker = report.Results.Single(static r => r.ObjectName == "worker-1");
        Assert.Equal("about 0/3 nodes are available: pod payments/worker-1 needs 64Gi of memory.", worker.Details);
        Assert.Contains(worker.Failures[0].Sensitive, static s => s is { Unmasked: "worker-1", Masked.Length: > 0 });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_identical_run_is_answered_from_the_cache_with_no_ai_call(bool anonymize)
    {
        using var temp = new TempDirectory();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var cache = new FileResponseCache(temp.Combine("cache"));

        var first = await ExplainAsync(fake, new ExplainOptions { Anonymize = anonymize }, cache);
        var calls = fake.Requests.Count;
        var second = await ExplainAsync(fake, new ExplainOptions { Anonymize = anonymize }, cache);

        Assert.Equal(3, calls);
        Assert.Equal(calls, fake.Requests.Count);
        Assert.Equal(first.Results.Select(static r => r.Details), second.Results.Select(static r => r.Details));
        Assert.Equal(3, cache.List().Count);
    }

    [Fact]
    public async Task Without_a_cache_nothing_is_read_or_written()
    {
        using var temp = new TempDirectory();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var cache = new FileResponseCache(temp.Combine("cache"));
        await ExplainAsync(fake, new ExplainOptions(), cache);

        await ExplainAsync(fake, new ExplainOptions(), cache: null);

        Assert.Equal(6, fake.Requests.Count);
        Assert.Equal(3, cache.List().Count);
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_ignored_and_replaced()
    {
        using var temp = new TempDirectory();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var cache = new FileResponseCache(temp.Combine("cache"));
        await ExplainAsync(fake, new ExplainOptions(), cache);
        var entry = cache.List()[0];
        await File.WriteAllTextAsync(Path.Combine(cache.Directory, entry.Name), "%%% not base64 %%%");

        var report = await ExplainAsync(fake, new ExplainOptions(), cache);

        Assert.Equal(4, fake.Requests.Count);
        Assert.All(report.Results, static r => Assert.NotEqual("", r.Details));
        Assert.NotNull(await cache.GetAsync(entry.Name, CancellationToken.None));
    }

    [Fact]
    public async Task Customrest_receives_language_and_masked_message_in_its_options()
    {
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.CustomRest);
        var backend = BackendCase.Build(BackendCase.ByName["customrest"].Provider(fake.Url));
        var report = await SnapshotFixtures.RunPipelineAsync(SnapshotFixtures.FromYaml(ExplainFixtures.Snapshot), "Pod");

        await new Explainer(backend, null, new ExplainOptions { Anonymize = true, Language = "french", MaxConcurrency = 1 }).ExplainAsync(report, null, CancellationToken.None);

        var messages = fake.Requests.Select(static r => r.Json!["options"]!["message"]!.GetValue<string>()).ToArray();
        // The image's repository is sensitive too; its tag is not.
        Assert.Contains($"Back-off pulling image \"{K8sGpt.Core.Anonymization.Masker.Default.Mask("nginx")}:doesnotexist\"", messages);
        Assert.All(fake.Requests, static r => Assert.Equal("french", r.Json!["options"]!["language"]!.GetValue<string>()));
        Assert.DoesNotContain(messages, static m => m.Contains("worker-1", StringComparison.Ordinal));
    }

    private static int CountOf(AnalysisReport report, Finding finding) =>
        report.Results.Count(r => r.Failures.Select(static f => f.Text).SequenceEqual(finding.Failures.Select(static f => f.Text)));

    private static string Problem(string prompt)
    {
        var start = prompt.IndexOf("---\n", StringComparison.Ordinal) + 4;
        return prompt[start..prompt.LastIndexOf("\n---", StringComparison.Ordinal)];
    }

    private static async Task<AnalysisReport> ExplainAsync(FakeAiServer fake, ExplainOptions options, IResponseCache? cache = null)
    {
        var backend = BackendCase.Build(BackendCase.ByName["openai"].Provider(fake.Url));
        var report = await SnapshotFixtures.RunPipelineAsync(SnapshotFixtures.FromYaml(ExplainFixtures.Snapshot), "Pod");
        Assert.Equal(4, report.Results.Count);
        return await new Explainer(backend, cache, options).ExplainAsync(report, null, CancellationToken.None);
    }
}
