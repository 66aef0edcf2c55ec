using System.Text.Json.Nodes;
using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// Values from the cluster, the snapshot or the AI cannot drive the terminal: escape sequences, line breaks and bidi
/// overrides inside them are printed visibly, so they neither clear the screen nor forge result lines.
/// </summary>
public sealed class TerminalInjectionTests
{
    // A Kyverno report whose fields carry a clear-screen sequence, forged result lines and a bidi override.
    private const string HostileReport = """
        apiVersion: wgpolicyk8s.io/v1alpha2
        kind: PolicyReport
        metadata:
          name: "report\e]0;owned\a"
          namespace: shop
        scope: {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: web}
        results:
        - policy: "\e[2J\e[31mevil"
          rule: "r\nfake line\n0: Pod injected/x()"
          result: fail
          message: "see \u202Egnp.exe and \x9b31m"
        """;

    [Fact]
    public async Task Text_output_prints_hostile_fields_visibly_on_their_own_line()
    {
        using var cli = new CliRun();
        var snapshot = Path.Combine(cli.Root, "hostile.yaml");
        await File.WriteAllTextAsync(snapshot, HostileReport);

        var result = await cli.RunAsync("analyze", "--snapshot", snapshot, "--filter", "PolicyReport");

        Assert.Equal(0, result.Exit);
        AssertNoControlCharacters(result.Out);
        Assert.Equal(
            [
                "AI Provider: AI not used; --explain not set",
                "",
                @"0: PolicyReport shop/report\u001b]0;owned\u0007(Deployment/web)",
                @"- Error: policy failure: \u001b[2J\u001b[31mevil/r\nfake line\n0: Pod injected/x() on Deployment shop/web: see \u202egnp.exe and \u009b31m",
                "",
                "",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task Json_output_keeps_the_values_as_they_are()
    {
        using var cli = new CliRun();
        var snapshot = Path.Combine(cli.Root, "hostile.yaml");
        await File.WriteAllTextAsync(snapshot, HostileReport);

        var result = await cli.RunAsync("analyze", "--snapshot", snapshot, "--filter", "PolicyReport", "-o", "json");

        var text = JsonNode.Parse(result.Out)!["results"]![0]!["error"]![0]!["Text"]!.GetValue<string>();
        Assert.StartsWith("policy failure: \u001b[2J\u001b[31mevil/r\nfake line\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explanation_keeps_its_line_breaks_but_not_its_escape_sequences()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        fake.Responder = static _ => "Error: it crashes.\r\n\u001b[2J\u001b]0;title\u0007Solution:\n\t1. read \u202Elogs";
        await home.RunAsync("auth", "add", "-b", "localai", "-u", fake.Url + "/v1", "-m", "llama-3");

        var (exit, output, _) = await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "localai", "--no-cache");

        Assert.Equal(0, exit);
        AssertNoControlCharacters(output);
        Assert.Contains("Error: it crashes.\n\\u001b[2J\\u001b]0;title\\u0007Solution:\n\t1. read \\u202elogs", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_answers_keep_their_line_breaks_but_not_their_escape_sequences()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "openai", "-u", fake.Url + "/v1", "-p", "sk-1");
        var snapshot = home.Snapshot;
        await home.RunAsync("analyze", "--snapshot", snapshot, "--explain");
        fake.Enqueue(FakeReply.Answer("first\n\u001b[2Jsecond"));

        var (exit, output, _) = await home.RunAsync("why?\n", true, "analyze", "--snapshot", snapshot, "--explain", "--interactive");

        Assert.Equal(0, exit);
        AssertNoControlCharacters(output);
        Assert.EndsWith("first\n\\u001b[2Jsecond\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_messages_quoting_a_hostile_value_print_it_visibly()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", "/no/such\u001b[2J\u009bdir");

        Assert.NotEqual(0, result.Exit);
        AssertNoControlCharacters(result.Err);
        Assert.Contains(@"/no/such\u001b[2J\u009bdir", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_list_prints_a_hostile_configured_filter_visibly()
    {
        using var cli = new CliRun();
        cli.WriteConfig("active_filters: [\"Pod\\e[2J\\nfake\"]\n");

        var result = await cli.RunAsync("filters", "list");

        AssertNoControlCharacters(result.Out);
        Assert.Contains(@"> Pod\u001b[2J\nfake (unknown: no such analyzer", result.Out, StringComparison.Ordinal);
    }

    /// <summary>Only line feeds and tabs (the renderer's own layout and an explanation's) may reach the terminal raw.</summary>
    private static void AssertNoControlCharacters(string output)
    {
        var raw = output.Where(static c => c is not ('\n' or '\t') && (char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069')).ToArray();
        Assert.True(raw.Length == 0, "raw control characters: " + string.Join(" ", raw.Select(static c => $"U+{(int)c:X4}")));
    }
}
