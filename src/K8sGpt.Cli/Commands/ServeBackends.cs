using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using K8sGpt.Server.Explain;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// The seam where <c>serve</c> gets its AI layer. Until the AI registry is merged, every configured provider is
/// reported as unsupported (so a named default stops the start with a clear message) and explanations are
/// unavailable. Plug the real ones in here: <c>CreateRegistry = config =&gt; BackendRegistry.Build(config)</c> and
/// the explainer built over that registry.
/// </summary>
public static class ServeBackends
{
    public static Func<K8sGptConfig, IBackendRegistry> CreateRegistry { get; } = static config => new ServePendingRegistry(config);

    public static Func<IBackendRegistry, IReportExplainer> CreateExplainer { get; } = static _ => new UnavailableExplainer();
}
