using K8sGpt.Core.Config;

namespace K8sGpt.Core.Tests.Config;

public sealed class ConfigPathsTests
{
    [Fact]
    public void Config_file_is_under_XDG_CONFIG_HOME_when_set()
    {
        var path = ConfigPaths.DefaultConfigFile(Env(("XDG_CONFIG_HOME", "/xdg/config"), ("HOME", "/home/u")));

        Assert.Equal("/xdg/config/k8sgpt/k8sgpt.yaml", path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/dir")]
    public void Config_file_falls_back_to_home_config_when_XDG_CONFIG_HOME_is_unset_empty_or_relative(string? xdg)
    {
        var path = ConfigPaths.DefaultConfigFile(Env(("XDG_CONFIG_HOME", xdg), ("HOME", "/home/u")));

        Assert.Equal("/home/u/.config/k8sgpt/k8sgpt.yaml", path);
    }

    [Fact]
    public void Cache_folder_is_under_XDG_CACHE_HOME_else_home_cache()
    {
        Assert.Equal("/xdg/cache/k8sgpt", ConfigPaths.DefaultCacheDirectory(Env(("XDG_CACHE_HOME", "/xdg/cache"), ("HOME", "/home/u"))));
        Assert.Equal("/home/u/.cache/k8sgpt", ConfigPaths.DefaultCacheDirectory(Env(("HOME", "/home/u"))));
    }

    [Fact]
    public void Explicit_path_wins_over_the_default()
    {
        var path = ConfigPaths.Resolve("/etc/k8sgpt/custom.yaml", Env(("XDG_CONFIG_HOME", "/xdg/config")));

        Assert.Equal("/etc/k8sgpt/custom.yaml", path);
    }

    [Fact]
    public void Explicit_path_with_tilde_is_under_home()
    {
        var path = ConfigPaths.Resolve("~/k8sgpt.yaml", Env(("HOME", "/home/u")));

        Assert.Equal("/home/u/k8sgpt.yaml", path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_explicit_path_means_the_default(string? explicitPath)
    {
        var path = ConfigPaths.Resolve(explicitPath, Env(("XDG_CONFIG_HOME", "/xdg/config")));

        Assert.Equal("/xdg/config/k8sgpt/k8sgpt.yaml", path);
    }

    private static Func<string, string?> Env(params (string Name, string? Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
