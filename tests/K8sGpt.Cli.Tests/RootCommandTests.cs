namespace K8sGpt.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Bare_k8sgpt_prints_help_listing_the_commands_and_succeeds()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync();

        Assert.Equal(0, result.Exit);
        foreach (var command in new[] { "analyze", "auth", "cache", "dump", "filters", "integration", "serve", "version" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }
}
