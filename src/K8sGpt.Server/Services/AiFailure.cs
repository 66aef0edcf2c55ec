using Grpc.Core;
using K8sGpt.Ai.Http;

namespace K8sGpt.Server.Services;

/// <summary>
/// What a failed AI call means, as a gRPC code and a message naming the backend. The message is the AI layer's
/// own (it names the backend and what to do, and never contains the key or the prompt).
/// </summary>
public sealed record AiFailure(StatusCode Code, string Message)
{
    /// <summary>The code and message of an AI layer failure.</summary>
    public static AiFailure From(AiBackendException exception) => new(CodeOf(exception.Kind), exception.Message);

    /// <summary>The server's own bound on one AI call (<c>ServeSettings.AiCallTimeout</c>) ran out first.</summary>
    public static AiFailure TimedOut(string backend, TimeSpan timeout) =>
        new(StatusCode.DeadlineExceeded, $"AI backend '{backend}' did not answer within {timeout.TotalSeconds:0.#}s (the server's limit for one AI call)");

    /// <summary>The gRPC code for each kind of AI failure (issue 4: 401/403, 404, 429, 5xx, unreachable, timeout, unreadable).</summary>
    public static StatusCode CodeOf(AiFailureKind kind) => kind switch
    {
        AiFailureKind.Unauthorized => StatusCode.Unauthenticated,
        AiFailureKind.NotFound => StatusCode.NotFound,
        AiFailureKind.RateLimited => StatusCode.ResourceExhausted,
        AiFailureKind.ServerError or AiFailureKind.Unreachable => StatusCode.Unavailable,
        AiFailureKind.Timeout => StatusCode.DeadlineExceeded,
        AiFailureKind.BadResponse => StatusCode.Internal,

        // Any other HTTP error status (400, 413, ...): the backend refused this request for a reason of its own.
        _ => StatusCode.Unknown,
    };
}
