namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>What the fake does wrong when a resource is listed: an HTTP status instead of the list, and/or a delay.</summary>
public sealed record FakeFault(int? Status = null, TimeSpan Latency = default)
{
    public static FakeFault Forbidden { get; } = new(403);

    public static FakeFault NotFound { get; } = new(404);

    public static FakeFault ServerError { get; } = new(500);

    public static FakeFault Delay(TimeSpan latency) => new(null, latency);
}
