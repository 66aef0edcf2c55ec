namespace K8sGpt.Core.Config;

/// <summary>Where the config file and the response cache live, as the reference tool places them.</summary>
public static class ConfigPaths
{
    /// <summary><c>$XDG_CONFIG_HOME/k8sgpt/k8sgpt.yaml</c>, else <c>~/.config/k8sgpt/k8sgpt.yaml</c>.</summary>
    public static string DefaultConfigFile(Func<string, string?> environment) =>
        Path.Combine(XdgHome(environment, "XDG_CONFIG_HOME", ".config"), "k8sgpt", "k8sgpt.yaml");

    /// <summary>
    /// The config file a command uses: the <c>--config</c> value when given (a leading <c>~/</c> is the home folder),
    /// else <see cref="DefaultConfigFile"/>.
    /// </summary>
    public static string Resolve(string? explicitPath, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(explicitPath))
        {
            return DefaultConfigFile(environment);
        }

        var path = explicitPath.Trim();
        return path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Home(environment), path.Length > 2 ? path[2..] : "")
            : path;
    }

    /// <summary><c>$XDG_CACHE_HOME/k8sgpt</c>, else <c>~/.cache/k8sgpt</c>.</summary>
    public static string DefaultCacheDirectory(Func<string, string?> environment) =>
        Path.Combine(XdgHome(environment, "XDG_CACHE_HOME", ".cache"), "k8sgpt");

    private static string XdgHome(Func<string, string?> environment, string variable, string fallback)
    {
        var value = environment(variable);
        if (!string.IsNullOrWhiteSpace(value) && Path.IsPathRooted(value))
        {
            return value;
        }

        return Path.Combine(Home(environment), fallback);
    }

    private static string Home(Func<string, string?> environment) =>
        environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
