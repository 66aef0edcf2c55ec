using K8sGpt.Ai.Http;

namespace K8sGpt.Server.Explain;

/// <summary>Hears what the explanation step does, so the server can count it (cache hits and misses, AI calls).</summary>
public interface IExplainObserver
{
    void CacheLookup(bool hit);

    /// <summary>One call to the AI backend finished; <paramref name="failure"/> is null when it answered.</summary>
    void AiCall(TimeSpan duration, AiFailureKind? failure);
}
