using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;

namespace K8sGpt.Server.Startup;

/// <summary>
/// What the server decided at start-up: the config as loaded (with the environment provider merged in memory),
/// the validated backends, and the default backend (empty when there is none).
/// </summary>
public sealed record ServerState(ConfigStore Store, K8sGptConfig Config, IBackendRegistry Registry, string DefaultBackend)
{
    public bool HasDefault => DefaultBackend.Length > 0;
}
