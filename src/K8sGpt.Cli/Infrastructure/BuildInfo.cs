using System.Reflection;

namespace K8sGpt.Cli.Infrastructure;

/// <summary>Version, commit and build date stamped into the assembly at build time.</summary>
public static class BuildInfo
{
    private static readonly Assembly s_assembly = typeof(BuildInfo).Assembly;

    public static string Version { get; } =
        s_assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";

    public static string Commit { get; } = Metadata("Commit") ?? "unknown";

    public static string Date { get; } = Metadata("BuildDate") ?? "unknown";

    private static string? Metadata(string key) =>
        s_assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
