using K8sGpt.Cli.Infrastructure;
using K8sGpt.Cli.Rendering;
using K8sGpt.Core.Config;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// The diagnostic facts <c>k8sgpt dump</c> prints to stderr. Keys are never printed, not even in part. Lines carrying
/// configuration or cluster values (server version, read errors) go through <see cref="TerminalText"/>.
/// </summary>
internal static class DumpDiagnostics
{
    public static void WriteConfigFacts(ConsoleIo io, K8sGptConfig config)
    {
        var err = io.Error;
        err.WriteLine($"k8sgpt version: {BuildInfo.Version} (commit {BuildInfo.Commit}, built {BuildInfo.Date})");
        if (config.Ai.Providers.Count == 0)
        {
            err.WriteLine("AI providers: none configured");
        }
        else
        {
            err.WriteLine("AI providers:");
            foreach (var provider in config.Ai.Providers)
            {
                var isDefault = string.Equals(provider.Name, config.Ai.DefaultProvider, StringComparison.OrdinalIgnoreCase) ? ", default" : "";
                var model = provider.Model.Length > 0 ? provider.Model : "(none)";
                var baseUrl = provider.BaseUrl.Length > 0 ? $", base URL {provider.BaseUrl}" : "";
                var key = provider.Password.Length > 0 ? "set (redacted)" : "not set";
                err.WriteLine(TerminalText.Field($"  {provider.Name}: model {model}{baseUrl}, key {key}{isDefault}"));
            }
        }

        err.WriteLine(TerminalText.Field($"active filters: {(config.ActiveFilters.Count == 0 ? "none (core analyzers)" : string.Join(", ", config.ActiveFilters))}"));
    }

    public static void WriteClusterFacts(ConsoleIo io, ClusterSnapshot snapshot)
    {
        var err = io.Error;
        var facts = snapshot.Facts;
        err.WriteLine(TerminalText.Field($"cluster: {facts.Source}, Kubernetes {(facts.ServerVersion.Length > 0 ? facts.ServerVersion : "version unknown")}"));
        err.WriteLine($"served API group/versions: {facts.ServedGroupVersions.Count}");
        foreach (var (type, status) in snapshot.Statuses.OrderBy(static kv => kv.Key.Resource, StringComparer.Ordinal))
        {
            var line = status.State == ReadState.Loaded
                ? $"  {type.Resource}: {snapshot.Objects(type).Count}"
                : $"  {type.Resource}: {status.State}{(status.Detail.Length > 0 ? $" ({status.Detail})" : "")}";
            err.WriteLine(TerminalText.Field(line));
        }

        err.WriteLine($"API requests: {facts.ApiRequests}");
    }
}
