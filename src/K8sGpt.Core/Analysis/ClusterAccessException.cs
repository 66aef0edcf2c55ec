namespace K8sGpt.Core.Analysis;

/// <summary>The cluster or snapshot cannot be read at all (unreachable, unauthorized, TLS failure, unreadable file).</summary>
public sealed class ClusterAccessException : Exception
{
    public ClusterAccessException()
    {
    }

    public ClusterAccessException(string message)
        : base(message)
    {
    }

    public ClusterAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
