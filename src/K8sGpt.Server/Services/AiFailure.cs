using System.Text.Json;
using Grpc.Core;

namespace K8sGpt.Server.Services;

/// <summary>What a failed AI call means, as a gRPC code and a message naming the backend (never the key or the prompt).</summary>
public sealed record AiFailure(StatusCode Code, string Message)
{
    public static AiFailure From(string backend, Exception exception, bool timedOut, TimeSpan timeout)
    {
        if (timedOut)
        {
            return new(StatusCode.DeadlineExceeded, $"backend {backend} did not answer within {timeout.TotalSeconds:0.#} s");
        }

        return exception switch
        {
            HttpRequestException { StatusCode: { } status } => FromHttp(backend, (int)status),
            _ when HttpStatusOf(exception) is > 0 and var status => FromHttp(backend, status),
            HttpRequestException e => new(StatusCode.Unavailable, $"backend {backend} cannot be reached: {e.Message}"),
            _ when HttpStatusOf(exception) == 0 => new(StatusCode.Unavailable, $"backend {backend} cannot be reached: {exception.Message}"),
            TimeoutException => new(StatusCode.DeadlineExceeded, $"backend {backend} timed out"),
            JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException or KeyNotFoundException =>
                new(StatusCode.Internal, $"backend {backend} sent a response that could not be read ({exception.GetType().Name})"),
            _ => new(StatusCode.Unknown, $"backend {backend} failed: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    /// <summary>
    /// The HTTP status an SDK exception carries. The SDKs (OpenAI/Azure <c>ClientResultException</c>, Azure
    /// <c>RequestFailedException</c>, ...) all expose it as an <c>int Status</c>; reading it by name keeps the server
    /// free of every SDK's types. -1 when the exception has no such property (0 means "no response").
    /// </summary>
    private static int HttpStatusOf(Exception exception) =>
        exception.GetType().GetProperty("Status")?.GetValue(exception) is int status ? status : -1;

    private static AiFailure FromHttp(string backend, int status) => status switch
    {
        401 => new(StatusCode.Unauthenticated, $"backend {backend} rejected the API key (HTTP 401); check it with k8sgpt auth update --backend {backend}"),
        403 => new(StatusCode.PermissionDenied, $"backend {backend} refused access (HTTP 403)"),
        404 => new(StatusCode.NotFound, $"backend {backend} answered HTTP 404: check the base URL, model or deployment (engine)"),
        429 => new(StatusCode.ResourceExhausted, $"backend {backend} is rate limiting (HTTP 429); try again later"),
        >= 500 => new(StatusCode.Unavailable, $"backend {backend} failed with HTTP {status}"),
        _ => new(StatusCode.Unknown, $"backend {backend} answered HTTP {status}"),
    };
}
