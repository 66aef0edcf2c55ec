using K8sGpt.Server.Observability;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace K8sGpt.Server.Hosting;

/// <summary>
/// Serves the metrics port: <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>, nothing else. These paths are not
/// served on the other ports, and no token is needed for them.
/// </summary>
internal static class MetricsPortMiddleware
{
    public static Func<HttpContext, RequestDelegate, Task> Create(BoundEndpoints endpoints) => async (context, next) =>
    {
        var role = context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(BoundEndpoints.RoleKey, out var value) == true ? value as string : null;
        if (role != "metrics")
        {
            AcceptPlainCurlBodies(context);
            await next(context).ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value ?? "";
        switch (path)
        {
            case "/healthz":
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok\n", context.RequestAborted).ConfigureAwait(false);
                break;
            case "/readyz":
                var (ready, body) = await context.RequestServices.GetRequiredService<Readiness>().CheckAsync(context.RequestAborted).ConfigureAwait(false);
                context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                break;
            case "/metrics":
                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                var metrics = context.RequestServices.GetRequiredService<ServerMetrics>();
                await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    };

    /// <summary>
    /// <c>curl -d '{...}'</c> sends a form content type; the JSON routes take any body as JSON, as the reference's
    /// gateway does. gRPC requests are left alone.
    /// </summary>
    private static void AcceptPlainCurlBodies(HttpContext context)
    {
        var request = context.Request;
        var type = request.ContentType ?? "";
        if (request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
            && !type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
            && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            request.ContentType = "application/json";
        }

        // A body-less POST (curl -X POST .../v1/shutdown) is an empty request message.
        if (HttpMethods.IsPost(request.Method) && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false && request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
            && !type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            request.Body = new MemoryStream("{}"u8.ToArray());
            request.ContentLength = 2;
        }
    }
}
