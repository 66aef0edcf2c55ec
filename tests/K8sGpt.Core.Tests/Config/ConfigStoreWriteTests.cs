using System.Diagnostics;
using System.Runtime.Versioning;
using K8sGpt.Core.Config;

namespace K8sGpt.Core.Tests.Config;

public sealed class ConfigStoreWriteTests
{
    [Fact]
    public async Task Update_creates_a_missing_file_and_its_folder()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Root, "k8sgpt", "k8sgpt.yaml");

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Pod"] }, CancellationToken.None);

        Assert.Equal(["Pod"], new ConfigStore(path).Load().ActiveFilters);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Written_file_has_mode_0600_even_when_it_was_world_readable()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", "active_filters: [Pod]\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Pod", "Service"] }, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Exception_in_the_change_leaves_the_file_byte_identical_and_no_temp_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", ExampleConfig.Yaml);
        var before = await File.ReadAllBytesAsync(path);
        var entriesBefore = folder.Entries();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ConfigStore(path).UpdateAsync(_ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Equal(entriesBefore.Append("k8sgpt.yaml.lock").Order(StringComparer.Ordinal), folder.Entries());
    }

    [Fact]
    public async Task Successful_update_leaves_only_the_config_and_its_lock_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("k8sgpt.yaml");

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Pod"] }, CancellationToken.None);

        Assert.Equal(["k8sgpt.yaml", "k8sgpt.yaml.lock"], folder.Entries());
    }

    [Fact]
    public async Task Corrupt_file_is_never_overwritten_by_an_update()
    {
        using var folder = new TempFolder();
        const string corrupt = "ai:\n  providers:\n    - name: openai\n   password: secret\n";
        var path = folder.Write("k8sgpt.yaml", corrupt);

        var ex = await Assert.ThrowsAsync<ConfigException>(() =>
            new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Pod"] }, CancellationToken.None));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
        Assert.Equal(corrupt, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Fifty_concurrent_updates_all_land_in_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("k8sgpt.yaml");
        var names = Enumerable.Range(0, 50).Select(i => $"Filter{i:00}").ToArray();

        // Each update uses its own store instance, as separate commands and requests would.
        await Task.WhenAll(names.Select(name => Task.Run(() =>
            new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = [.. c.ActiveFilters, name] }, CancellationToken.None))));

        Assert.Equal(names, new ConfigStore(path).Load().ActiveFilters.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_waits_for_the_cross_process_lock_and_gives_up_with_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", "active_filters: [Pod]\n");

        // Another k8sgpt process writing holds an exclusive lock on k8sgpt.yaml.lock (flock on Unix).
        await using (new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var store = new ConfigStore(path, lockTimeout: TimeSpan.FromMilliseconds(100));
            var ex = await Assert.ThrowsAsync<ConfigException>(() =>
                store.UpdateAsync(c => c with { ActiveFilters = ["Service"] }, CancellationToken.None));

            Assert.Contains("another k8sgpt process", ex.Message, StringComparison.Ordinal);
            Assert.Equal("active_filters: [Pod]\n", await File.ReadAllTextAsync(path));
        }

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Service"] }, CancellationToken.None);
        Assert.Equal(["Service"], new ConfigStore(path).Load().ActiveFilters);
    }

    [Fact]
    public async Task Update_is_locked_out_while_another_process_holds_the_lock_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", "active_filters: [Pod]\n");

        // flock(1) takes the same advisory lock .NET takes for FileShare.None, from a separate process.
        var start = new ProcessStartInfo("flock", [path + ".lock", "-c", "echo locked; read line"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var holder = Process.Start(start)!;
        try
        {
            Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());

            var ex = await Assert.ThrowsAsync<ConfigException>(() =>
                new ConfigStore(path, TimeSpan.FromMilliseconds(100)).UpdateAsync(c => c with { ActiveFilters = ["Service"] }, CancellationToken.None));
            Assert.Contains("another k8sgpt process", ex.Message, StringComparison.Ordinal);

            await holder.StandardInput.WriteLineAsync("release");
            holder.StandardInput.Close();
            using var exitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await holder.WaitForExitAsync(exitTimeout.Token);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill();
            }
        }

        await new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Service"] }, CancellationToken.None);
        Assert.Equal(["Service"], new ConfigStore(path).Load().ActiveFilters);
    }

    [Fact]
    public async Task Cancelled_update_does_not_touch_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("k8sgpt.yaml", "active_filters: [Pod]\n");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ConfigStore(path).UpdateAsync(c => c with { ActiveFilters = ["Service"] }, cts.Token));

        Assert.Equal("active_filters: [Pod]\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Update_through_a_symlink_replaces_the_target_and_keeps_the_link()
    {
        using var folder = new TempFolder();
        var target = folder.Write("real.yaml", "active_filters: [Pod]\n");
        var link = folder.File("k8sgpt.yaml");
        File.CreateSymbolicLink(link, target);

        await new ConfigStore(link).UpdateAsync(c => c with { ActiveFilters = ["Service"] }, CancellationToken.None);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(["Service"], new ConfigStore(target).Load().ActiveFilters);
    }

    [Fact]
    public void Folder_in_place_of_the_file_is_a_config_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("k8sgpt.yaml");
        Directory.CreateDirectory(path);

        var ex = Assert.Throws<ConfigException>(() => new ConfigStore(path).Load());

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
