namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>A generated pod as its Service's Endpoints see it (no IP while it is not scheduled).</summary>
internal readonly record struct PodRef(string Name, string Uid, string? Ip, bool Ready);
