using System.Net;
using System.Text.Json.Nodes;

namespace K8sGpt.Kubernetes.Live;

/// <summary>One answer of the API server: the status, the JSON body when it had one, and its content type.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, JsonObject? Body, string ContentType)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The <c>message</c> of a Kubernetes <c>Status</c> body, else the HTTP status.</summary>
    public string Reason => Body?["message"] is JsonValue message && message.TryGetValue<string>(out var text) && text.Length > 0
        ? $"{(int)Status} {text}"
        : $"HTTP {(int)Status} {Status}";
}
