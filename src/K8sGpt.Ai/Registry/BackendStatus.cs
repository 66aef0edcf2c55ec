namespace K8sGpt.Ai.Registry;

/// <summary>What the registry knows about one configured backend (safe to show: holds no secret).</summary>
public sealed record BackendStatus(string Name, BackendState State, IReadOnlyList<BackendProblem> Problems)
{
    public bool IsReady => State == BackendState.Ready;
}
