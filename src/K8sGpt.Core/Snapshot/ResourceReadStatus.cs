namespace K8sGpt.Core.Snapshot;

/// <summary>How reading one resource type went, with the reason when it did not.</summary>
public sealed record ResourceReadStatus(ReadState State, string Detail = "")
{
    public static readonly ResourceReadStatus Loaded = new(ReadState.Loaded);
    public static readonly ResourceReadStatus NotRequested = new(ReadState.NotRequested);

    public bool IsLoaded => State == ReadState.Loaded;
}
