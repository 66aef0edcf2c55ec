using Microsoft.Extensions.Logging;

namespace K8sGpt.Server.Hosting;

/// <summary>Every log line the server writes (structured; never a key, a token or a prompt).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "config loaded from {ConfigPath} ({ProviderCount} AI providers)")]
    public static partial void ConfigLoaded(ILogger logger, string configPath, int providerCount);

    [LoggerMessage(2, LogLevel.Information, "AI provider {Backend} added from K8SGPT_* environment variables (kept in memory only)")]
    public static partial void EnvironmentProviderAdded(ILogger logger, string backend);

    [LoggerMessage(3, LogLevel.Information, "backend {Backend} validated: {State}")]
    public static partial void BackendValidated(ILogger logger, string backend, string state);

    [LoggerMessage(4, LogLevel.Warning, "no AI provider is configured: serving analysis without explanations; Query and explain answer FAILED_PRECONDITION")]
    public static partial void NoBackend(ILogger logger);

    [LoggerMessage(5, LogLevel.Warning, "no default AI backend (configured: {Backends}); requests must name one")]
    public static partial void NoDefaultBackend(ILogger logger, string backends);

    [LoggerMessage(6, LogLevel.Information, "default AI backend: {Backend}")]
    public static partial void DefaultBackend(ILogger logger, string backend);

    [LoggerMessage(7, LogLevel.Warning, "backend {Backend} is {State} and will refuse requests: {Problems}")]
    public static partial void BackendNotUsable(ILogger logger, string backend, string state, string problems);

    [LoggerMessage(8, LogLevel.Information, "serving gRPC on {Grpc}, metrics and health on {Metrics}, JSON routes on {Http}, cluster: {Cluster}")]
    public static partial void Listening(ILogger logger, string grpc, string metrics, string http, string cluster);

    [LoggerMessage(9, LogLevel.Information, "request {Method} {Status} in {DurationMs} ms, backend {Backend}")]
    public static partial void Request(ILogger logger, string method, string status, long durationMs, string backend);

    [LoggerMessage(10, LogLevel.Error, "request {Method} failed unexpectedly, correlation id {CorrelationId}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string correlationId);

    [LoggerMessage(11, LogLevel.Information, "stop requested ({Reason}): no new calls, draining in-flight calls for up to {DrainSeconds} s")]
    public static partial void Stopping(ILogger logger, string reason, double drainSeconds);

    [LoggerMessage(12, LogLevel.Information, "stopped")]
    public static partial void Stopped(ILogger logger);
}
