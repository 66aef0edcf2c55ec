using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Cli.Tests;
using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Server.Tests;

/// <summary>gRPC Analyze runs the configured custom analyzers with every call, as the reference server does.</summary>
public sealed class CustomAnalyzerAnalyzeTests
{
    private static string Config(params (string Name, int Port)[] analyzers) =>
        "custom_analyzers:\n" + string.Concat(analyzers.Select(static a => $"  - name: {a.Name}\n    connection: {{url: 127.0.0.1, port: \"{a.Port}\"}}\n"));

    private static RunResponse Found() => new()
    {
        Result = new Result { Name = "shop/cart-db", ParentObject = "StatefulSet/cart", Error = { new ErrorDetail { Text = "backup of cart-db is 3 days old" } } },
    };

    [Fact]
    public async Task Configured_custom_analyzers_are_called_and_merged_into_the_reply()
    {
        await using var analyzer = await FakeCustomAnalyzer.StartAsync(Found());
        await using var server = await ServerHarness.StartAsync(Config(("dbcheck", analyzer.Port)));

        var reply = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Namespace = "shop", Filters = { "Pod" } }, ServerHarness.Deadline());

        Assert.Equal(1, analyzer.Calls);
        Assert.Equal(["Pod shop/web-7f9-abcde Deployment/web", "dbcheck shop/cart-db StatefulSet/cart"], reply.Results.Select(static r => $"{r.Kind} {r.Name} {r.ParentObject}"));
        Assert.Equal(2, reply.Problems);
        Assert.Empty(reply.Errors);
    }

    [Fact]
    public async Task A_custom_analyzer_that_cannot_be_reached_is_one_error_and_the_other_results_stay()
    {
        using var refused = new RefusedPort();
        await using var server = await ServerHarness.StartAsync(Config(("gone", refused.Port)));

        var reply = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest { Namespace = "shop", Filters = { "Pod" } }, ServerHarness.Deadline());

        Assert.Equal(["Pod shop/web-7f9-abcde"], reply.Results.Select(static r => $"{r.Kind} {r.Name}"));
        var error = Assert.Single(reply.Errors);
        Assert.StartsWith("[gone] ", error, StringComparison.Ordinal);
    }
}
