using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Registry;

/// <summary>A validated backend: its name, the model it answers with, and its shared, thread-safe client.</summary>
public sealed record ReadyBackend(string Name, string Model, IChatClient Client);
