namespace K8sGpt.Ai.Cache;

/// <summary>Where explanations are kept between runs. Implementations are safe for concurrent use.</summary>
public interface IResponseCache
{
    /// <summary>The cached answer, or null when absent, unreadable or corrupt (a corrupt entry is then replaced).</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string answer, CancellationToken cancellationToken);
}
