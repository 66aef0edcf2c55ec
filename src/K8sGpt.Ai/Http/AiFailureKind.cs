namespace K8sGpt.Ai.Http;

/// <summary>Why a call to an AI backend failed.</summary>
public enum AiFailureKind
{
    /// <summary>401/403: the key or token was rejected. Further calls would fail the same way.</summary>
    Unauthorized,

    /// <summary>404: unknown model, deployment or path.</summary>
    NotFound,

    /// <summary>429 after the bounded retries.</summary>
    RateLimited,

    /// <summary>5xx after the bounded retries.</summary>
    ServerError,

    /// <summary>Any other HTTP error status.</summary>
    Rejected,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>The endpoint could not be reached (refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>An answer arrived but is not usable: empty, HTML, invalid JSON, no choices.</summary>
    BadResponse,
}
