using System.Text.Json;

namespace K8sGpt.Cli.Tests;

public sealed class AnalyzeOutputTests
{
    private const string CrashText = "the last termination reason is Error exitCode=1 container=app pod=web-5d9f-abcde restarts=7";

    [Fact]
    public async Task Json_output_is_exactly_one_document_in_the_reference_shape()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod", "-o", "json");

        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("", root.GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("errors").ValueKind);
        Assert.Equal("ProblemDetected", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("problems").GetInt32());
        var entry = Assert.Single(root.GetProperty("results").EnumerateArray().ToArray());
        Assert.Equal("Pod", entry.GetProperty("kind").GetString());
        Assert.Equal("shop/web-5d9f-abcde", entry.GetProperty("name").GetString());
        Assert.Equal("", entry.GetProperty("details").GetString());
        Assert.Equal("Deployment/web", entry.GetProperty("parentObject").GetString());
        var failure = Assert.Single(entry.GetProperty("error").EnumerateArray().ToArray());
        Assert.Equal(CrashText, failure.GetProperty("Text").GetString());
        Assert.Equal(JsonValueKind.String, failure.GetProperty("KubernetesDoc").ValueKind);
        var sensitive = failure.GetProperty("Sensitive");
        Assert.True(sensitive.ValueKind is JsonValueKind.Array or JsonValueKind.Null);
        foreach (var pair in sensitive.ValueKind == JsonValueKind.Array ? sensitive.EnumerateArray() : default)
        {
            Assert.Equal(JsonValueKind.String, pair.GetProperty("Unmasked").ValueKind);
            Assert.Equal(JsonValueKind.String, pair.GetProperty("Masked").ValueKind);
        }
    }

    [Fact]
    public async Task Json_output_without_problems_has_status_OK_and_null_results()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-o", "json");

        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("OK", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("problems").GetInt32());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("results").ValueKind);
    }

    [Fact]
    public async Task Text_output_follows_the_reference_layout()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod");

        Assert.Equal(0, result.Exit);
        Assert.Equal(
            [
                "AI Provider: AI not used; --explain not set",
                "",
                "0: Pod shop/web-5d9f-abcde(Deployment/web)",
                $"- Error: {CrashText}",
                "",
                "",
            ],
            result.OutLines);
        Assert.Equal("", result.Err);
    }

    [Fact]
    public async Task Text_output_without_problems_says_so()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"));

        Assert.Equal(["AI Provider: AI not used; --explain not set", "", "No problems detected", ""], result.OutLines);
    }

    [Fact]
    public async Task No_escape_codes_when_stdout_is_not_a_terminal()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync(outputIsTerminal: false, "analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"));

        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public async Task Colour_on_a_terminal_is_turned_off_by_NO_COLOR()
    {
        using var coloured = new CliRun();
        using var plain = new CliRun(("NO_COLOR", "1"));

        var withColour = await coloured.RunAsync(outputIsTerminal: true, "analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod");
        var withoutColour = await plain.RunAsync(outputIsTerminal: true, "analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod");

        Assert.Contains('\u001b', withColour.Out);
        Assert.DoesNotContain('\u001b', withoutColour.Out);
        Assert.Contains("0: Pod shop/web-5d9f-abcde(Deployment/web)", withoutColour.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_stat_and_json_puts_stats_on_stderr_and_one_document_on_stdout()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-o", "json", "--with-stat");

        Assert.Equal(0, result.Exit);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("ProblemDetected", doc.RootElement.GetProperty("status").GetString());
        Assert.Contains("- Analyzer Pod took ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_stat_and_text_prints_stats_before_the_report()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-s");

        Assert.StartsWith("The stats mode shows how long each analyzer took.", result.Out, StringComparison.Ordinal);
        Assert.True(result.Out.IndexOf("- Analyzer Pod took ", StringComparison.Ordinal) < result.Out.IndexOf("AI Provider:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyse_is_an_alias_of_analyze()
    {
        using var cli = new CliRun();

        var british = await cli.RunAsync("analyse", "--snapshot", CliRun.Fixture("crashloop.yaml"));
        var american = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"));

        Assert.Equal(0, british.Exit);
        Assert.Equal(american.Out, british.Out);
    }

    [Fact]
    public async Task Fail_on_problems_exits_3_when_problems_are_found()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod", "--fail-on-problems");

        Assert.Equal(3, result.Exit);
        Assert.Contains("0: Pod shop/web-5d9f-abcde", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_problems_exits_0_without_problems()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "--fail-on-problems");

        Assert.Equal(0, result.Exit);
    }

    [Fact]
    public async Task Informational_report_is_shown_as_info_and_does_not_fail_the_gate()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("prometheus-valid.yaml"), "-f", "PrometheusConfigRelabelReport,PrometheusConfigValidate", "--fail-on-problems");

        Assert.Equal(0, result.Exit);
        Assert.Contains("0: PrometheusConfigRelabelReport monitoring/prometheus-0()", result.Out, StringComparison.Ordinal);
        Assert.Contains("- Info: job_name:", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("- Error:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_without_fail_on_problems_exit_0()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-o", "json");

        Assert.Equal(0, result.Exit);
    }

    [Fact]
    public async Task Namespace_limits_the_report_to_that_namespace()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-n", "default");

        Assert.Equal(0, result.Exit);
        Assert.Contains("No problems detected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selector_limits_the_report_to_matching_objects()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-L", "app=other");

        Assert.Equal(0, result.Exit);
        Assert.Contains("No problems detected", result.Out, StringComparison.Ordinal);
    }
}
