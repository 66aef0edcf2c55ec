using K8sGpt.Cli.Commands;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Tests;

/// <summary><c>filters</c> over a catalog of fake analyzers: core Deployment, Pod, Service; optional HPA, Log; integration PrometheusConfigValidate.</summary>
public sealed class FiltersCommandTests
{
    private static readonly AnalyzerCatalog s_catalog = new(
    [
        new FakeAnalyzer("Service", AnalyzerTier.Core),
        new FakeAnalyzer("Pod", AnalyzerTier.Core),
        new FakeAnalyzer("Deployment", AnalyzerTier.Core),
        new FakeAnalyzer("Log", AnalyzerTier.Optional),
        new FakeAnalyzer("HPA", AnalyzerTier.Optional),
        new FakeAnalyzer("PrometheusConfigValidate", AnalyzerTier.Integration),
    ]);

    [Fact]
    public async Task Add_to_an_empty_config_seeds_the_core_list_and_stores_canonical_names_in_stable_order()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "add", "hpa");

        Assert.Equal(0, result.Exit);
        Assert.Equal("Filter(s) HPA added\n", result.Out);
        Assert.Equal(["Deployment", "Pod", "Service", "HPA"], ActiveFilters(cli));
    }

    [Fact]
    public async Task Add_keeps_catalog_order_whatever_the_input_order()
    {
        using var cli = new CliRun();
        cli.WriteConfig("active_filters: [Service]\n");

        await Run(cli, "filters", "add", "hpa,POD");

        Assert.Equal(["Pod", "Service", "HPA"], ActiveFilters(cli));
    }

    [Fact]
    public async Task Adding_Log_warns_that_logs_may_carry_sensitive_data_to_the_AI()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "add", "Log");

        Assert.Equal(0, result.Exit);
        Assert.Contains("Warning:", result.Err, StringComparison.Ordinal);
        Assert.Contains("sensitive data", result.Err, StringComparison.Ordinal);
        Assert.Contains("AI backend", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_other_filters_prints_no_warning()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "add", "HPA");

        Assert.Equal("", result.Err);
    }

    [Fact]
    public async Task Adding_an_integration_analyzer_points_to_integration_activate()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "add", "PrometheusConfigValidate");

        Assert.Equal(1, result.Exit);
        Assert.Contains("k8sgpt integration activate", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.DefaultConfig));
    }

    [Fact]
    public async Task Unknown_name_is_rejected_listing_the_valid_ones()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "add", "HPA,Nope");

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Equal("Error: unknown filter(s): Nope. Valid filters: Deployment, Pod, Service, HPA, Log\n", result.Err);
        Assert.False(File.Exists(cli.DefaultConfig));
    }

    [Fact]
    public async Task Remove_from_an_empty_config_starts_from_the_core_list()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "remove", "service,POD");

        Assert.Equal(0, result.Exit);
        Assert.Equal("Filter(s) Pod, Service removed\n", result.Out);
        Assert.Equal(["Deployment"], ActiveFilters(cli));
    }

    [Fact]
    public async Task Removing_a_filter_that_is_not_active_is_an_error_listing_the_active_ones()
    {
        using var cli = new CliRun();
        var path = cli.WriteConfig("active_filters: [Pod, HPA]\n");

        var result = await Run(cli, "filters", "remove", "Log");

        Assert.Equal(1, result.Exit);
        Assert.Equal("Error: filter(s) not active: Log. Active filters: Pod, HPA\n", result.Err);
        Assert.Equal("active_filters: [Pod, HPA]\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task Removing_every_active_filter_is_refused()
    {
        using var cli = new CliRun();
        cli.WriteConfig("active_filters: [Pod]\n");

        var result = await Run(cli, "filters", "remove", "Pod");

        Assert.Equal(1, result.Exit);
        Assert.Contains("cannot remove every active filter", result.Err, StringComparison.Ordinal);
        Assert.Equal(["Pod"], ActiveFilters(cli));
    }

    [Fact]
    public async Task A_stale_name_in_active_filters_can_be_removed()
    {
        using var cli = new CliRun();
        cli.WriteConfig("active_filters: [Pod, OldAnalyzer]\n");

        var result = await Run(cli, "filters", "remove", "oldanalyzer");

        Assert.Equal(0, result.Exit);
        Assert.Equal(["Pod"], ActiveFilters(cli));
    }

    [Fact]
    public async Task List_shows_active_and_unused_in_catalog_order_with_markers()
    {
        using var cli = new CliRun();
        cli.WriteConfig("active_filters: [PrometheusConfigValidate, log, Pod, Gone]\n");

        var result = await Run(cli, "filters", "list");

        Assert.Equal(0, result.Exit);
        Assert.Equal(
            [
                "Active:",
                "> Pod",
                "> Log (optional)",
                "> PrometheusConfigValidate (integration)",
                "> Gone (unknown: no such analyzer, remove it with k8sgpt filters remove Gone)",
                "Unused:",
                "> Deployment",
                "> Service",
                "> HPA (optional)",
                "",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task List_with_an_empty_config_shows_the_core_analyzers_as_active()
    {
        using var cli = new CliRun();

        var result = await Run(cli, "filters", "list");

        Assert.Equal(
            [
                "Active:", "> Deployment", "> Pod", "> Service",
                "Unused:", "> HPA (optional)", "> Log (optional)", "> PrometheusConfigValidate (integration: k8sgpt integration activate prometheus)", "",
            ],
            result.OutLines);
    }

    [Fact]
    public async Task Add_keeps_every_other_setting_in_the_file()
    {
        using var cli = new CliRun();
        cli.WriteConfig("""
            ai:
              defaultprovider: openai
              providers:
                - name: openai
                  password: sk-keep
                  future: kept
            someday: true
            """);

        await Run(cli, "filters", "add", "HPA");

        var config = new ConfigStore(cli.DefaultConfig).Load();
        Assert.Equal("sk-keep", config.Ai.Find("openai")!.Password);
        Assert.Contains("future", config.Ai.Providers[0].Extra.Keys);
        Assert.Contains("someday", config.Extra.Keys);
    }

    private static Task<CliResult> Run(CliRun cli, params string[] args) =>
        cli.RunAsync((io, globals) => new FiltersCommand(io, globals, s_catalog).Build(), args);

    private static IReadOnlyList<string> ActiveFilters(CliRun cli) => new ConfigStore(cli.DefaultConfig).Load().ActiveFilters;
}
