namespace K8sGpt.Kubernetes.Live;

/// <summary>API discovery got an answer that is not a discovery document.</summary>
internal sealed class DiscoveryException : Exception
{
    public DiscoveryException()
    {
    }

    public DiscoveryException(string message)
        : base(message)
    {
    }

    public DiscoveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscoveryException(ApiResponse response)
        : base(response.Reason)
    {
        Response = response;
    }

    public ApiResponse? Response { get; }
}
