namespace K8sGpt.Core.Snapshot;

/// <summary>Whether a resource type could be read for this run.</summary>
public enum ReadState
{
    /// <summary>Nobody asked for this type.</summary>
    NotRequested,

    /// <summary>Listed completely.</summary>
    Loaded,

    /// <summary>The API server refused the list (HTTP 403).</summary>
    Forbidden,

    /// <summary>The cluster does not serve this API (no such group, version or resource).</summary>
    NotServed,

    /// <summary>The list failed for another reason (timeout, server error).</summary>
    Failed,
}
