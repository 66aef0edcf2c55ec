using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Cli.Commands;

/// <summary>Stand-in registry for builds without the AI layer: knows the configured names, hands out no client.</summary>
internal sealed class ServePendingRegistry(K8sGptConfig config) : IBackendRegistry
{
    private readonly BackendStatus[] _statuses = config.Ai.Providers
        .Select(static p => new BackendStatus(p.Name, BackendState.Unsupported, [new BackendProblem("backend", "AI backends are not part of this build yet", "use a k8sgpt build that includes the AI layer")]))
        .ToArray();

    public IReadOnlyList<BackendStatus> Statuses => _statuses;

    public BackendStatus? Find(string name) => _statuses.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool TryGetClient(string name, out IChatClient? client, out BackendStatus? status)
    {
        client = null;
        status = Find(name);
        return false;
    }
}
