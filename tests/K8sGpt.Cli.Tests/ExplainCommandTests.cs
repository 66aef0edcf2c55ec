using System.Text.Json.Nodes;
using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Cli.Tests;

public sealed class ExplainCommandTests
{
    private const string Answer = "Error: the container keeps crashing. Solution: check its logs.";

    [Fact]
    public async Task Auth_add_azure_then_analyze_explain_prints_explanations_from_the_azure_endpoint()
    {
        using var home = new ExplainCliHome();
        await using var azure = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        var snapshot = home.Snapshot;

        var add = await home.RunAsync("auth", "add", "--backend", "azureopenai", "--baseurl", azure.Url, "--engine", "k8sgpt-deploy", "--password", "azure-key");
        var (exit, output, error) = await home.RunAsync("analyze", "--snapshot", snapshot, "--explain", "--backend", "azureopenai");

        Assert.Equal(0, add.Exit);
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.StartsWith("AI Provider: azureopenai\n\n0: Pod payments/worker-1()\n- Error: 0/3 nodes are available: pod payments/worker-1 needs 64Gi of memory.\n" + Answer + "\n", output, StringComparison.Ordinal);
        Assert.Equal(4, output.Split('\n').Count(static l => l == Answer));
        Assert.Equal(3, azure.Requests.Count);
        Assert.All(azure.Requests, static r =>
        {
            Assert.Equal("/openai/deployments/k8sgpt-deploy/chat/completions", r.Path);
            Assert.Equal("?api-version=2024-10-21", r.Query);
            Assert.Equal("azure-key", r.Header("api-key"));
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_progress_bar_is_drawn_on_stderr_only_when_it_is_a_terminal(bool terminal)
    {
        using var home = new ExplainCliHome { ErrorIsTerminal = terminal };
        await home.RunAsync("auth", "add", "-b", "noopai");

        var (exit, output, error) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Equal(terminal, error.Contains("\rExplaining [##############################] 4/4", StringComparison.Ordinal));
        Assert.Equal(terminal ? error : "", error);
        Assert.DoesNotContain("Explaining", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_fills_provider_and_details()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.Ollama);
        await home.RunAsync("auth", "add", "-b", "ollama", "-u", fake.Url + "/v1");
        await home.RunAsync("auth", "default", "-p", "ollama");

        var (exit, output, error) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-o", "json");

        Assert.Equal((0, ""), (exit, error));
        var json = JsonNode.Parse(output)!;
        Assert.Equal("ollama", json["provider"]!.GetValue<string>());
        Assert.Null(json["errors"]);
        Assert.All(json["results"]!.AsArray(), static r => Assert.Equal(Answer, r!["details"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_second_identical_run_makes_no_ai_call_and_no_cache_makes_them_again()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "localai", "-u", fake.Url + "/v1", "-m", "llama-3");
        var snapshot = home.Snapshot;

        var first = await home.RunAsync("analyze", "--snapshot", snapshot, "--explain", "-b", "localai", "--anonymize");
        var afterFirst = fake.Requests.Count;
        var second = await home.RunAsync("analyze", "--snapshot", snapshot, "--explain", "-b", "localai", "--anonymize");
        var afterSecond = fake.Requests.Count;
        var uncached = await home.RunAsync("analyze", "--snapshot", snapshot, "--explain", "-b", "localai", "--anonymize", "--no-cache");

        Assert.Equal((3, 3, 6), (afterFirst, afterSecond, fake.Requests.Count));
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(first.Out, uncached.Out);
        Assert.Equal(3, Directory.GetFiles(home.CacheDirectory).Length);
    }

    [Fact]
    public async Task Anonymized_run_sends_no_name_to_the_backend_and_prints_real_names()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.Anthropic);
        fake.Responder = static prompt => "echo: " + prompt[(prompt.IndexOf("---\n", StringComparison.Ordinal) + 4)..prompt.LastIndexOf("\n---", StringComparison.Ordinal)];
        await home.RunAsync("auth", "add", "-b", "anthropic", "-u", fake.Url, "-p", "ant-key");

        var (exit, output, _) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "anthropic", "--anonymize", "--no-cache");

        Assert.Equal(0, exit);
        foreach (var request in fake.Requests)
        {
            foreach (var name in ExplainFixtures.SensitiveNames)
            {
                Assert.DoesNotContain(name, request.Body, StringComparison.Ordinal);
            }
        }

        Assert.Contains("echo: 0/3 nodes are available: pod payments/worker-1 needs 64Gi of memory.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_headers_from_the_command_line_reach_the_backend()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "openai", "-u", fake.Url + "/v1", "-p", "sk-1");

        var (exit, _, _) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "openai", "--custom-headers", "X-Team:platform", "-r", "X-Env: prod", "--no-cache");

        Assert.Equal(0, exit);
        Assert.All(fake.Requests, static r => Assert.Equal(("platform", "prod"), (r.Header("X-Team"), r.Header("X-Env"))));
    }

    [Fact]
    public async Task A_failing_backend_keeps_the_results_and_lists_the_errors_as_warnings()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        fake.Enqueue(FakeReply.Error(401, "bad key"));
        await home.RunAsync("auth", "add", "-b", "openai", "-u", fake.Url + "/v1", "-p", "sk-wrong");

        var (exit, output, _) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "openai", "--max-concurrency", "1", "--no-cache");

        Assert.Equal(0, exit);
        Assert.Contains("Warnings : \n- explain: AI backend 'openai' rejected the credentials (HTTP 401): bad key.", output, StringComparison.Ordinal);
        Assert.Contains("0: Pod payments/worker-1()", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_backend_stops_before_analysis_with_the_validator_messages()
    {
        using var home = new ExplainCliHome();
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.GetDirectoryName(home.ConfigFile)!).FullName, "k8sgpt.yaml"),
            "ai:\n  providers:\n    - name: azureopenai\n      password: k\n");

        var (exit, output, error) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "azureopenai");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(
            "Error: AI backend 'azureopenai' cannot be used:\n" +
            "  - the resource endpoint (for example https://my-resource.openai.azure.com) is missing; fix: k8sgpt auth update --backend azureopenai --baseurl <url>\n" +
            "  - the deployment name (engine) is missing; fix: k8sgpt auth update --backend azureopenai --engine <deployment>\n",
            error);
    }

    [Theory]
    [InlineData("groq", "Error: AI backend 'groq' is not configured. Add it with `k8sgpt auth add --backend groq`\n")]
    [InlineData("gpt", "Error: 'gpt' is not an AI backend; known backends: openai, anthropic, localai, ollama, azureopenai, cohere, amazonbedrock, amazonbedrockconverse, amazonsagemaker, google, noopai, huggingface, googlevertexai, oci, customrest, ibmwatsonxai, groq, bedrockmantle, litellm\n")]
    [InlineData("", "Error: --explain needs an AI backend: none given with --backend, no default provider is set and more than one (or no) provider is configured. Add one with `k8sgpt auth add --backend <name>` or choose one with `k8sgpt auth default --provider <name>`\n")]
    public async Task An_unknown_or_unconfigured_backend_exits_1(string backend, string message)
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", backend);

        Assert.Equal((1, message), (exit, error));
    }

    [Fact]
    public async Task Without_backend_or_default_the_only_configured_provider_is_used()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "noopai");

        var (exit, output, _) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "--no-cache");

        Assert.Equal(0, exit);
        Assert.StartsWith("AI Provider: noopai\n", output, StringComparison.Ordinal);
        Assert.Contains("I am a noop response to the prompt You help people repair Kubernetes clusters.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_backend_says_not_supported_yet()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "google", "-p", "k");

        var (exit, _, error) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "google");

        Assert.Equal(1, exit);
        Assert.StartsWith("Error: AI backend 'google' cannot be used:\n  - backend 'google' is not supported yet by this version; supported: ", error, StringComparison.Ordinal);
    }
}
