using System.Text.Json;
using K8sGpt.Core.Analysis;

namespace K8sGpt.Cli.Tests;

public sealed class AnalyzeFilterTests
{
    [Theory]
    [InlineData("pod")]
    [InlineData("POD")]
    [InlineData("Pod,pod")]
    [InlineData(" Pod , ")]
    public async Task Filter_names_are_case_insensitive_and_deduplicated(string filter)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", filter, "-o", "json", "-s");

        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("problems").GetInt32());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("errors").ValueKind);
        Assert.Single(AnalyzerLines(result.Err));
    }

    [Fact]
    public async Task Filter_may_be_repeated()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod", "--filter", "pod", "-o", "json", "-s");

        Assert.Equal(0, result.Exit);
        Assert.Equal(["- Analyzer Pod took"], AnalyzerLines(result.Err));
    }

    [Fact]
    public async Task Unknown_filter_is_a_warning_in_errors_listing_valid_names()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod,Nope", "-o", "json");

        Assert.Equal(0, result.Exit);
        using var doc = JsonDocument.Parse(result.Out);
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray().ToArray()).GetString()!;
        Assert.Contains("\"Nope\"", error, StringComparison.Ordinal);
        Assert.Contains("Valid filters: " + string.Join(", ", AnalyzerCatalog.Default.Names), error, StringComparison.Ordinal);
        Assert.Equal(1, doc.RootElement.GetProperty("problems").GetInt32());
    }

    [Fact]
    public async Task Unknown_filter_is_listed_under_warnings_in_text_output()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-f", "Nope");

        Assert.Equal("AI Provider: AI not used; --explain not set", result.OutLines[0]);
        Assert.Equal("", result.OutLines[1]);
        Assert.Equal("Warnings : ", result.OutLines[2]);
        Assert.StartsWith("- \"Nope\" filter does not exist", result.OutLines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Active_filters_from_the_config_file_are_used_when_no_filter_is_given()
    {
        using var cli = new CliRun();
        var config = Path.Combine(cli.Root, "custom.yaml");
        await File.WriteAllTextAsync(config, "active_filters: [NotAnAnalyzer]\n");

        var result = await cli.RunAsync("analyze", "--config", config, "--snapshot", CliRun.Fixture("crashloop.yaml"), "-o", "json");

        using var doc = JsonDocument.Parse(result.Out);
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray().ToArray()).GetString()!;
        Assert.Contains("\"NotAnAnalyzer\" filter in active_filters does not exist", error, StringComparison.Ordinal);
        Assert.Equal(0, doc.RootElement.GetProperty("problems").GetInt32());
    }

    [Fact]
    public async Task Explicit_filter_wins_over_active_filters()
    {
        using var cli = new CliRun();
        cli.WriteConfig("active_filters: [NotAnAnalyzer]\n");

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-f", "Pod", "-o", "json");

        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("errors").ValueKind);
        Assert.Equal(1, doc.RootElement.GetProperty("problems").GetInt32());
    }

    [Fact]
    public async Task Default_run_uses_the_core_analyzers()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-o", "json", "-s");

        Assert.Equal(AnalyzerCatalog.Default.CoreNames.Select(n => $"- Analyzer {n} took").Order(StringComparer.Ordinal), AnalyzerLines(result.Err).Order(StringComparer.Ordinal));
    }

    private static string[] AnalyzerLines(string stats) =>
        stats.Split('\n').Where(l => l.StartsWith("- Analyzer ", StringComparison.Ordinal)).Select(l => l[..(l.IndexOf(" took", StringComparison.Ordinal) + 5)]).ToArray();
}
