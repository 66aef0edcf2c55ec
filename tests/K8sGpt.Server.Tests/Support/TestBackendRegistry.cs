using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;

namespace K8sGpt.Server.Tests.Support;

/// <summary>The registry the server tests use: the production one (real validators, real backends), one attempt per call.</summary>
internal static class TestBackendRegistry
{
    /// <summary>
    /// The production registry with one attempt per call and a 30 s attempt timeout. The bound is generous on
    /// purpose: a backend's first call in a process is slow (about 0.4 s on an idle machine, several seconds on a
    /// loaded one), and a tight bound made healthy calls fail as timeouts.
    /// </summary>
    public static IBackendRegistry Create(K8sGptConfig config) => WithAttemptTimeout(TimeSpan.FromSeconds(30))(config);

    /// <summary>The production registry with one attempt per call and the given attempt (and connect) timeout, for timeout tests.</summary>
    public static Func<K8sGptConfig, IBackendRegistry> WithAttemptTimeout(TimeSpan attemptTimeout) =>
        config => BackendRegistry.Create(config.Ai, new BackendRuntime { Http = new AiHttpOptions { AttemptTimeout = attemptTimeout, ConnectTimeout = attemptTimeout, MaxAttempts = 1 } });
}
