using System.Text.RegularExpressions;

namespace K8sGpt.Cli.Tests;

public sealed partial class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_version_commit_and_build_date_on_one_line()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("version");

        Assert.Equal(0, result.Exit);
        Assert.Matches(VersionLine(), result.Out);
        Assert.Equal("", result.Err);
    }

    [GeneratedRegex(@"^k8sgpt: \S+ \(\S+\), built at: \S+\n$")]
    private static partial Regex VersionLine();
}
