using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary><c>noopai</c>: answers locally with a fixed sentence and the prompt; needs no settings.</summary>
internal sealed class NoOpBackend : IBackend
{
    public static readonly NoOpBackend Instance = new();

    public string Name => BackendNames.NoOpAi;

    public string DefaultModel => "";

    public IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider) => [];

    public IChatClient Create(AiProviderConfig provider, BackendRuntime runtime) =>
        new BackendChatClient(new NoOpChatClient(), Name, new ChatOptions());
}
