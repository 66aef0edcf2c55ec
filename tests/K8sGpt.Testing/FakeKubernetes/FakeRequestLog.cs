namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>Thread-safe record of every request the fake received, in arrival order.</summary>
public sealed class FakeRequestLog
{
    private readonly List<FakeRequest> _requests = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public IReadOnlyList<FakeRequest> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests whose path is exactly <paramref name="path"/>.</summary>
    public IReadOnlyList<FakeRequest> To(string path) => All.Where(r => r.Path == path).ToArray();

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Add(FakeRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
