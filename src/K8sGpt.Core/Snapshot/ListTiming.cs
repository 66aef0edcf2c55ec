namespace K8sGpt.Core.Snapshot;

/// <summary>How long listing one resource type took, and in how many pages.</summary>
public sealed record ListTiming(string Resource, TimeSpan Duration, int Pages, int Objects);
