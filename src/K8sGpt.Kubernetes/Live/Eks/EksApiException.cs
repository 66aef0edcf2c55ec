using System.Net;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>An EKS API call that AWS answered with an error, or that did not complete.</summary>
/// <param name="action">The IAM action the call needs (<c>eks:DescribeCluster</c>), named in messages.</param>
/// <param name="status">HTTP status, or null when no answer came.</param>
/// <param name="errorType">AWS error type (<c>AccessDeniedException</c>), or empty.</param>
internal sealed class EksApiException(string action, HttpStatusCode? status, string errorType, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Action { get; } = action;

    public HttpStatusCode? Status { get; } = status;

    public string ErrorType { get; } = errorType;

    public bool IsAccessDenied => Status == HttpStatusCode.Forbidden && ErrorType is "AccessDeniedException" or "AccessDenied";

    public bool IsNotFound => Status == HttpStatusCode.NotFound;
}
