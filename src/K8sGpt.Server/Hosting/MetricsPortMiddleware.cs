using K8sGpt.Server.Observability;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
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
}
