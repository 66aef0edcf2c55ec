namespace K8sGpt.Core.Analysis;

public enum ReadRole
{
    /// <summary>The analyzer reports on these objects: the label selector applies, and without them it cannot run.</summary>
    Primary,

    /// <summary>The analyzer only looks these up (owners, referenced services, events): read whole, never filtered by label.</summary>
    Lookup,
}
