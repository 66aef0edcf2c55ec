using System.Diagnostics;
using Grpc.Core;
using K8sGpt.Ai.Http;
using K8sGpt.Server.Guard;
using K8sGpt.Server.Hosting;
using K8sGpt.Server.Observability;
using K8sGpt.Server.Schema.V1;
using Microsoft.Extensions.AI;

namespace K8sGpt.Server.Services;

/// <summary>
/// <c>schema.v1.ServerQueryService</c>: sends the query to the named (or default) backend. Request errors are
/// non-OK statuses; a failing backend is an OK status with <c>error.message</c> and <c>error.code</c>.
/// </summary>
public sealed class QueryService(BackendResolver resolver, ServeSettings settings, ServerMetrics metrics) : ServerQueryService.ServerQueryServiceBase
{
    public override async Task<QueryResponse> Query(QueryRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "query is empty: send the question in the \"query\" field"));
        }

        var (backend, client) = resolver.Resolve(request.Backend, "Query");
        CallTags.SetBackend(context, backend);

        using var timeout = new CancellationTokenSource(settings.AiCallTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, timeout.Token);
        var started = Stopwatch.GetTimestamp();
        metrics.AiCalls.WithLabels(backend).Inc();
        try
        {
            // The registry's clients turn an empty answer into an AiBackendException, so a text here is an answer.
            var answer = await client.GetResponseAsync(request.Query, cancellationToken: linked.Token).ConfigureAwait(false);
            return new QueryResponse { Response = answer.Text, Error = new QueryError() };
        }
        catch (AiBackendException ex)
        {
            // The backend failed, not the request: the caller gets an OK answer that says why.
            return Failed(backend, AiFailure.From(ex));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            return Failed(backend, AiFailure.TimedOut(backend, settings.AiCallTimeout));
        }
        finally
        {
            metrics.AiDuration.WithLabels(backend).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private QueryResponse Failed(string backend, AiFailure failure)
    {
        metrics.AiErrors.WithLabels(backend, ((int)failure.Code).ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        return new QueryResponse { Error = new QueryError { Message = failure.Message, Code = (int)failure.Code } };
    }
}
