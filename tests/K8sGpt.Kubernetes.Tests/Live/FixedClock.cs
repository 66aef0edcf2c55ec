namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>A clock stopped at one instant, so live and offline runs see the same "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
