namespace K8sGpt.Core.Snapshot;

/// <summary>Facts about where a snapshot came from.</summary>
public sealed record SnapshotFacts
{
    /// <summary>Kubernetes version of the API server (<c>v1.31.2</c>), or empty when unknown.</summary>
    public string ServerVersion { get; init; } = "";

    /// <summary>Where the snapshot was read from (a context name or a file path).</summary>
    public string Source { get; init; } = "";

    /// <summary>API groups/versions the server said it serves (from discovery), when known.</summary>
    public IReadOnlyList<string> ServedGroupVersions { get; init; } = [];

    /// <summary>Objects of kinds no analyzer reads, counted by kind.</summary>
    public IReadOnlyDictionary<string, int> IgnoredKinds { get; init; } = new Dictionary<string, int>();

    /// <summary>Requests made to the API server while taking the snapshot (0 offline).</summary>
    public int ApiRequests { get; init; }

    /// <summary>Per-list timings of a live snapshot, for <c>--with-stat</c>.</summary>
    public IReadOnlyList<ListTiming> ListTimings { get; init; } = [];
}
