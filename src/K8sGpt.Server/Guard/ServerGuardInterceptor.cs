using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using K8sGpt.Server.Hosting;
using K8sGpt.Server.Observability;
using Microsoft.Extensions.Logging;

namespace K8sGpt.Server.Guard;

/// <summary>
/// Wraps every RPC (gRPC and JSON routes alike): checks the bearer token, turns any exception into a gRPC
/// status (unexpected ones carry a correlation id that is logged with the stack trace), counts and times the
/// call, and writes one log line per request. No request can crash the process.
/// </summary>
public sealed class ServerGuardInterceptor(ServeSettings settings, ServerMetrics metrics, ILogger<ServerGuardInterceptor> logger) : Interceptor
{
    private const string HealthPrefix = "/grpc.health.v1.Health/";
    private readonly byte[]? _token = string.IsNullOrEmpty(settings.Token) ? null : Encoding.UTF8.GetBytes(settings.Token);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, async () =>
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            return true;
        });

    private async Task<T> GuardAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            Authorize(context);
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ExceptionMapper.Known(ex, context) is { } status)
        {
            code = status.StatusCode;
            throw ex as RpcException ?? new RpcException(status);
        }
        catch (Exception ex)
        {
            // A bug or an unforeseen failure: the caller gets an id to quote, the log gets the stack trace.
            code = StatusCode.Internal;
            var correlationId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            ServerLog.Unhandled(logger, ex, context.Method, correlationId);
            throw new RpcException(new Status(StatusCode.Internal, $"internal error (correlation id {correlationId}); the server log has the details"));
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.Requests.WithLabels(context.Method, ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
            metrics.RequestDuration.WithLabels(context.Method).Observe(elapsed.TotalSeconds);
            ServerLog.Request(logger, context.Method, code.ToString(), (long)elapsed.TotalMilliseconds, CallTags.Backend(context));
        }
    }

    private void Authorize(ServerCallContext context)
    {
        if (_token is null || context.Method.StartsWith(HealthPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization") ?? "";
        const string prefix = "Bearer ";
        var given = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()) : [];
        if (!CryptographicOperations.FixedTimeEquals(given, _token))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token is required: send the header \"authorization: Bearer <token>\""));
        }
    }
}
