using Grpc.Core;

namespace K8sGpt.Server.Guard;

/// <summary>Per-call facts handlers leave for the request log line.</summary>
internal static class CallTags
{
    private const string BackendKey = "k8sgpt.backend";

    public static void SetBackend(ServerCallContext context, string backend) => context.UserState[BackendKey] = backend;

    public static string Backend(ServerCallContext context) =>
        context.UserState.TryGetValue(BackendKey, out var value) && value is string s ? s : "";
}
