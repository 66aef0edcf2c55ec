using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Tests;

/// <summary><c>filters</c> through the real command tree and the analyzers registered in this build.</summary>
public sealed class FiltersCliTests
{
    private static readonly string s_firstCore = AnalyzerCatalog.Default.CoreNames[0];

    [Fact]
    public async Task List_on_a_fresh_config_shows_every_core_analyzer_as_active()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters", "list");

        Assert.Equal(0, result.Exit);
        var active = result.OutLines.SkipWhile(l => l != "Active:").Skip(1).TakeWhile(l => l != "Unused:");
        Assert.Equal(AnalyzerCatalog.Default.CoreNames.Select(n => "> " + n), active);
    }

    [Fact]
    public async Task Filter_is_an_alias_of_filters()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filter", "list");

        Assert.Equal(0, result.Exit);
        Assert.StartsWith("Active:\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bare_filters_prints_help_and_succeeds()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters");

        Assert.Equal(0, result.Exit);
        Assert.Contains("list", result.Out, StringComparison.Ordinal);
        Assert.Contains("add <names>", result.Out, StringComparison.Ordinal);
        Assert.Contains("remove <names>", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Err);
    }

    [Fact]
    public async Task Adding_an_already_active_filter_says_so_and_writes_nothing()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters", "add", s_firstCore.ToUpperInvariant());

        Assert.Equal(1, result.Exit);
        Assert.Equal($"Error: filter(s) already active: {s_firstCore}. Run k8sgpt filters list to see the active set\n", result.Err);
        Assert.False(File.Exists(cli.DefaultConfig));
    }

    [Theory]
    [InlineData("Pod,")]
    [InlineData(",Pod")]
    [InlineData("Pod,,Service")]
    [InlineData(" ")]
    public async Task Empty_element_is_rejected(string input)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters", "add", input);

        Assert.Equal(1, result.Exit);
        Assert.Contains("filter names must not be empty", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("remove")]
    public async Task Duplicate_inside_the_input_is_rejected(string verb)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters", verb, $"{s_firstCore},{s_firstCore.ToLowerInvariant()}");

        Assert.Equal(1, result.Exit);
        Assert.Equal($"Error: filter(s) given more than once: {s_firstCore}\n", result.Err);
    }

    [Fact]
    public async Task Unknown_filter_lists_the_valid_names()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters", "add", "Nope");

        Assert.Equal(1, result.Exit);
        Assert.Contains("unknown filter(s): Nope. Valid filters: ", result.Err, StringComparison.Ordinal);
        Assert.Contains(s_firstCore, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_without_names_is_a_usage_error()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("filters", "add");

        Assert.Equal(1, result.Exit);
        Assert.NotEqual("", result.Err);
    }

    [Fact]
    public async Task Filters_honours_the_config_flag()
    {
        using var cli = new CliRun();
        var path = Path.Combine(cli.Root, "elsewhere.yaml");
        await File.WriteAllTextAsync(path, $"active_filters: [{s_firstCore}, Stale]\n");

        var result = await cli.RunAsync("filters", "remove", "stale", "--config", path);

        Assert.Equal(0, result.Exit);
        Assert.Equal([s_firstCore], new ConfigStore(path).Load().ActiveFilters);
        Assert.False(File.Exists(cli.DefaultConfig));
    }

    [Fact]
    public async Task Corrupt_config_is_reported_and_left_untouched()
    {
        using var cli = new CliRun();
        var path = cli.WriteConfig("active_filters: [Pod\n");

        var result = await cli.RunAsync("filters", "remove", "Pod");

        Assert.Equal(1, result.Exit);
        Assert.Contains(path, result.Err, StringComparison.Ordinal);
        Assert.Equal("active_filters: [Pod\n", File.ReadAllText(path));
    }
}
