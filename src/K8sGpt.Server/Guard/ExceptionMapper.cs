using Grpc.Core;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;
using K8sGpt.Core.Selection;

namespace K8sGpt.Server.Guard;

/// <summary>Known exceptions and the gRPC status each one means; anything else is an internal error.</summary>
internal static class ExceptionMapper
{
    public static Status? Known(Exception exception, ServerCallContext context) => exception switch
    {
        RpcException rpc => rpc.Status,
        LabelSelectorParseException e => new Status(StatusCode.InvalidArgument, e.Message),
        NamespaceNotFoundException e => new Status(StatusCode.InvalidArgument, e.Message),
        ClusterAccessException e => new Status(StatusCode.Unavailable, $"the cluster cannot be read: {e.Message}"),
        ConfigException e => new Status(StatusCode.FailedPrecondition, e.Message),
        OperationCanceledException when context.Deadline <= DateTime.UtcNow =>
            new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before it finished"),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            new Status(StatusCode.Cancelled, "the call was cancelled by the client or the server is stopping"),
        _ => null,
    };
}
