namespace K8sGpt.Kubernetes.Live;

/// <summary>Counts every HTTP request sent to the API server (the first handler of the client's pipeline).</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
