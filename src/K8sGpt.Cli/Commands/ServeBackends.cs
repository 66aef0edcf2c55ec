using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using K8sGpt.Server.Explain;

namespace K8sGpt.Cli.Commands;

/// <summary>Where <c>serve</c> gets its AI layer: the validated registry and an explainer over it.</summary>
public static class ServeBackends
{
    /// <summary>Validates every configured provider once; the registry is immutable and shared by all requests.</summary>
    public static Func<K8sGptConfig, IBackendRegistry> CreateRegistry { get; } = static config => BackendRegistry.Create(config.Ai);

    /// <summary>Explains Analyze results with the request's backend, caching answers under the user's cache folder.</summary>
    public static IReportExplainer CreateExplainer(IBackendRegistry registry, Func<string, string?> environment) =>
        new ServeRegistryExplainer(registry, ConfigPaths.DefaultCacheDirectory(environment));
}
