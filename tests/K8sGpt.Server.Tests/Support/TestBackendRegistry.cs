using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;

namespace K8sGpt.Server.Tests.Support;

/// <summary>The registry the server tests use: the production one, with short HTTP bounds.</summary>
internal static class TestBackendRegistry
{
    /// <summary>
    /// The production registry (real validators, real backends), with short HTTP bounds so fault tests stay quick:
    /// one attempt per call and a 2 s attempt timeout.
    /// </summary>
    public static IBackendRegistry Create(K8sGptConfig config) =>
        BackendRegistry.Create(config.Ai, new BackendRuntime { Http = new AiHttpOptions { AttemptTimeout = TimeSpan.FromSeconds(2), ConnectTimeout = TimeSpan.FromSeconds(2), MaxAttempts = 1 } });
}
