namespace K8sGpt.Core.Snapshot;

public enum LookupOutcome
{
    Found,

    /// <summary>The type was read in that scope and the object is not there.</summary>
    NotFound,

    /// <summary>The object could not be looked for (forbidden, not served, failed, or outside the scanned scope).</summary>
    Unknown,
}
