using K8sGpt.Ai.Cache;
using K8sGpt.Server.Explain;

namespace K8sGpt.Cli.Commands;

/// <summary>A response cache that tells an observer whether each lookup hit.</summary>
internal sealed class ObservedResponseCache(IResponseCache inner, IExplainObserver observer) : IResponseCache
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var answer = await inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
        observer.CacheLookup(answer is not null);
        return answer;
    }

    public Task SetAsync(string key, string answer, CancellationToken cancellationToken) => inner.SetAsync(key, answer, cancellationToken);
}
