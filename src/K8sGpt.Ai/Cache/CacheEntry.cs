namespace K8sGpt.Ai.Cache;

/// <summary>One cached explanation: its key and when it was written.</summary>
public sealed record CacheEntry(string Name, DateTimeOffset UpdatedAt);
