using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>One implemented backend: how its settings are checked and how its client is built.</summary>
internal interface IBackend
{
    string Name { get; }

    /// <summary>The model used when the provider names none, or empty when a model is required.</summary>
    string DefaultModel { get; }

    /// <summary>Every missing or invalid setting, each with the command that fixes it. Empty when valid.</summary>
    IReadOnlyList<BackendProblem> Validate(AiProviderConfig provider);

    /// <summary>Builds the client once; only called for a provider <see cref="Validate"/> accepted.</summary>
    IChatClient Create(AiProviderConfig provider, BackendRuntime runtime);
}
