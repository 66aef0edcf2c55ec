using Grpc.Core;
using K8sGpt.Ai.Registry;
using K8sGpt.Server.Startup;
using Microsoft.Extensions.AI;

namespace K8sGpt.Server.Services;

/// <summary>
/// Turns the backend a request names (or the server default) into a ready chat client, or into the request
/// error that says why not: unknown → INVALID_ARGUMENT, not usable or none at all → FAILED_PRECONDITION.
/// </summary>
public sealed class BackendResolver(ServerState state)
{
    public (string Name, IChatClient Client) Resolve(string requested, string purpose)
    {
        var name = requested.Trim();
        if (name.Length == 0)
        {
            name = state.DefaultBackend;
        }

        if (name.Length == 0)
        {
            var configured = state.Registry.Statuses;
            var message = configured.Count == 0
                ? $"{purpose} needs an AI backend and none is configured; fix: k8sgpt auth add --backend <name>, or set K8SGPT_BACKEND and K8SGPT_PASSWORD for serve"
                : $"{purpose} needs an AI backend: the request names none and the server has no default (configured: {string.Join(", ", configured.Select(static s => s.Name))}); name one in the request or start serve with --backend";
            throw new RpcException(new Status(StatusCode.FailedPrecondition, message));
        }

        if (state.Registry.TryGetClient(name, out var client, out var status) && client is not null)
        {
            return (status?.Name ?? name, client);
        }

        if (status is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ServerBootstrap.NotConfigured(name, state.Registry)));
        }

        throw new RpcException(new Status(
            StatusCode.FailedPrecondition,
            ServerBootstrap.Describe($"the AI backend \"{status.Name}\" is not usable ({status.State})", status)));
    }
}
