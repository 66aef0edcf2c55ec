using K8sGpt.Testing.FakeAi;
using System.Text.Json;
using K8sGpt.Server.Schema.V1;

namespace K8sGpt.Cli.Tests;

public sealed class CustomAnalysisTests
{
    private static RunResponse Found() => new()
    {
        Result = new Result
        {
            Kind = "",
            Name = "shop/cart-db",
            ParentObject = "StatefulSet/cart",
            Error =
            {
                new ErrorDetail { Text = "backup of cart-db is 3 days old", Sensitive = { new SensitiveData { Unmasked = "cart-db", Masked = "xyz" } } },
                new ErrorDetail { Text = "replica lag is 40s" },
            },
        },
    };

    [Fact]
    public async Task Custom_results_are_merged_into_json_output_named_after_the_analyzer_when_kind_is_empty()
    {
        await using var finding = await FakeCustomAnalyzer.StartAsync(Found());
        await using var quiet = await FakeCustomAnalyzer.StartAsync(new RunResponse());
        using var cli = new CliRun();
        cli.WriteConfig(Config(("dbcheck", finding.Port), ("quiet", quiet.Port)));

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-z", "-o", "json");

        Assert.Equal(0, result.Exit);
        Assert.Equal((1, 1), (finding.Calls, quiet.Calls));
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("errors").ValueKind);
        Assert.Equal(2, doc.RootElement.GetProperty("problems").GetInt32());
        var entry = Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray().ToArray());
        Assert.Equal("dbcheck", entry.GetProperty("kind").GetString());
        Assert.Equal("shop/cart-db", entry.GetProperty("name").GetString());
        Assert.Equal("StatefulSet/cart", entry.GetProperty("parentObject").GetString());
        Assert.Equal(
            new[] { "backup of cart-db is 3 days old", "replica lag is 40s" },
            entry.GetProperty("error").EnumerateArray().Select(static e => e.GetProperty("Text").GetString()!).ToArray());
        var sensitive = Assert.Single(entry.GetProperty("error")[0].GetProperty("Sensitive").EnumerateArray().ToArray());
        Assert.Equal("cart-db", sensitive.GetProperty("Unmasked").GetString());
    }

    [Fact]
    public async Task An_unreachable_custom_analyzer_becomes_one_error_entry_and_the_run_still_succeeds()
    {
        await using var finding = await FakeCustomAnalyzer.StartAsync(Found());
        using var cli = new CliRun();
        using var refused = new RefusedPort();
        cli.WriteConfig(Config(("dbcheck", finding.Port), ("gone", refused.Port)));

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "--custom-analysis", "-o", "json");

        Assert.Equal(0, result.Exit);
        using var doc = JsonDocument.Parse(result.Out);
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray().ToArray()).GetString();
        Assert.StartsWith("[gone] Unavailable: ", error, StringComparison.Ordinal);
        Assert.Equal("dbcheck", Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray().ToArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Without_custom_analysis_no_custom_analyzer_is_called()
    {
        await using var finding = await FakeCustomAnalyzer.StartAsync(Found());
        using var cli = new CliRun();
        cli.WriteConfig(Config(("dbcheck", finding.Port)));

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-o", "json");

        Assert.Equal(0, result.Exit);
        Assert.Equal(0, finding.Calls);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("results").ValueKind);
    }

    [Fact]
    public async Task A_missing_namespace_fails_the_run_before_any_custom_analyzer_is_called()
    {
        await using var finding = await FakeCustomAnalyzer.StartAsync(Found());
        using var cli = new CliRun();
        cli.WriteConfig(Config(("dbcheck", finding.Port)));
        var snapshot = Path.Combine(cli.Root, "namespaces.yaml");
        await File.WriteAllTextAsync(snapshot, "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, uid: ns-shop}\n");

        var result = await cli.RunAsync("analyze", "--snapshot", snapshot, "-z", "-n", "no-such-namespace");

        Assert.Equal(1, result.Exit);
        Assert.Contains("namespace \"no-such-namespace\" not found", result.Err, StringComparison.Ordinal);
        Assert.Equal(0, finding.Calls);
    }

    private static string Config(params (string Name, int Port)[] analyzers) =>
        "custom_analyzers:\n" + string.Concat(analyzers.Select(static a =>
            $"  - name: {a.Name}\n    connection:\n      url: 127.0.0.1\n      port: \"{a.Port}\"\n"));
}
