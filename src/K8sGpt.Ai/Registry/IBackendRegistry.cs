using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Registry;

/// <summary>
/// Every configured AI provider, validated once when the registry is built. Valid ones hand out a chat client
/// that is safe to use concurrently; invalid ones keep their problems for health checks and error messages.
/// Nothing ever receives a half-configured client.
/// </summary>
public interface IBackendRegistry
{
    /// <summary>Every configured backend with its state, in a stable order.</summary>
    IReadOnlyList<BackendStatus> Statuses { get; }

    /// <summary>The status of one backend by name (case-insensitive), or null when it is not configured.</summary>
    BackendStatus? Find(string name);

    /// <summary>
    /// A ready client for a backend. Returns false (and the status, when configured) when the backend is not
    /// configured or not valid.
    /// </summary>
    bool TryGetClient(string name, out IChatClient? client, out BackendStatus? status);
}
