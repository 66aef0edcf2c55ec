using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Cli.Tests;

public sealed class CacheCommandTests
{
    [Fact]
    public async Task List_shows_cached_explanations_and_purge_all_deletes_them()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "noopai");
        await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "noopai");
        var keys = Directory.GetFiles(home.CacheDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        var list = await home.RunAsync("cache", "list");
        var purge = await home.RunAsync("cache", "purge", "--all");

        Assert.Equal(3, keys.Length);
        Assert.Equal(0, list.Exit);
        Assert.All(keys, k => Assert.Contains(k!, list.Out, StringComparison.Ordinal));
        Assert.Contains("UpdatedAt", list.Out, StringComparison.Ordinal);
        Assert.Equal((0, "Deleted 3 cached explanation(s)\n"), (purge.Exit, purge.Out));
        Assert.Empty(Directory.GetFiles(home.CacheDirectory));
    }

    [Fact]
    public async Task Purge_of_one_key_deletes_only_that_entry()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "noopai");
        await home.RunAsync("analyze", "--snapshot", home.Snapshot, "--explain", "-b", "noopai");
        var key = Path.GetFileName(Directory.GetFiles(home.CacheDirectory)[0]);

        var (exit, output, _) = await home.RunAsync("cache", "purge", key);

        Assert.Equal((0, $"Deleted {key}\n"), (exit, output));
        Assert.Equal(2, Directory.GetFiles(home.CacheDirectory).Length);
    }

    [Fact]
    public async Task Purge_without_key_or_all_is_a_usage_error()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("cache", "purge");

        Assert.Equal((1, "Error: give the key to delete (see `k8sgpt cache list`) or --all\n"), (exit, error));
    }

    [Fact]
    public async Task Get_names_the_file_cache_when_no_remote_cache_is_set()
    {
        using var home = new ExplainCliHome();

        var (exit, output, _) = await home.RunAsync("cache", "get");

        Assert.Equal((0, "Current remote cache is: file\n"), (exit, output));
    }

    [Fact]
    public async Task Remove_resets_the_cache_section_to_the_file_cache()
    {
        using var home = new ExplainCliHome();
        Directory.CreateDirectory(Path.GetDirectoryName(home.ConfigFile)!);
        await File.WriteAllTextAsync(home.ConfigFile, "cache:\n  currentCacheType: s3\n  s3:\n    bucketname: b\n");

        var (exit, output, _) = await home.RunAsync("cache", "remove");
        var get = await home.RunAsync("cache", "get");

        Assert.Equal((0, "Remote cache removed; the local file cache is used\n"), (exit, output));
        Assert.Equal("Current remote cache is: file\n", get.Out);
    }

    [Fact]
    public async Task List_of_an_empty_cache_is_an_empty_table_not_an_error()
    {
        using var home = new ExplainCliHome();

        var (exit, output, error) = await home.RunAsync("cache", "list");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("Name", output, StringComparison.Ordinal);
    }
}
