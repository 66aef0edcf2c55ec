using System.Text;
using System.Text.Json.Nodes;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;
using Microsoft.AspNetCore.Http;

namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>The request handling of <see cref="FakeKubernetesServer"/>.</summary>
internal sealed class FakeApi(FakeKubernetesServer server)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RespondAsync(context).ConfigureAwait(false);
        }
        finally
        {
            server.Log(context);
        }
    }

    private async Task RespondAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {server.Token}")
        {
            await WriteStatusAsync(context, 401, "Unauthorized", "Unauthorized").ConfigureAwait(false);
            return;
        }

        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["version"]:
                await WriteAsync(context, new JsonObject { ["major"] = "1", ["minor"] = "31", ["gitVersion"] = server.ServerVersion }).ConfigureAwait(false);
                return;
            case ["api" or "apis"] when server.AggregatedDiscovery && context.Request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal):
                context.Response.ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
                await context.Response.WriteAsync(AggregatedList(core: segments[0] == "api").ToJsonString(), context.RequestAborted).ConfigureAwait(false);
                return;
            case ["openapi", "v2"] when server.OpenApiStatus is { } failing:
                await WriteStatusAsync(context, failing, "InternalError", "the OpenAPI document is not available").ConfigureAwait(false);
                return;
            case ["openapi", "v2"]:
                await WriteAsync(context, server.OpenApiDocument).ConfigureAwait(false);
                return;
            case ["api"]:
                await WriteAsync(context, new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") }).ConfigureAwait(false);
                return;
            case ["apis"]:
                await WriteAsync(context, GroupList()).ConfigureAwait(false);
                return;
            case ["api", var v, .. var rest]:
                await RouteAsync(context, v, rest).ConfigureAwait(false);
                return;
            case ["apis", var g, var v, .. var rest]:
                await RouteAsync(context, $"{g}/{v}", rest).ConfigureAwait(false);
                return;
            default:
                await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource").ConfigureAwait(false);
                return;
        }
    }

    private async Task RouteAsync(HttpContext context, string groupVersion, string[] rest)
    {
        if (!Served().Any(t => t.ApiVersion == groupVersion))
        {
            await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource").ConfigureAwait(false);
            return;
        }

        switch (rest)
        {
            case []:
                await WriteAsync(context, ResourceList(groupVersion)).ConfigureAwait(false);
                return;
            case [var plural]:
                await ListAsync(context, groupVersion, plural, null).ConfigureAwait(false);
                return;
            case ["namespaces", var name] when groupVersion == "v1" && server.FaultFor(KnownResources.Namespaces)?.Status == 403:
                await WriteStatusAsync(context, 403, "Forbidden", $"namespaces \"{name}\" is forbidden: User \"system:serviceaccount:default:k8sgpt\" cannot get resource \"namespaces\"").ConfigureAwait(false);
                return;
            case ["namespaces", var name] when groupVersion == "v1":
                var ns = server.Objects.Get(KnownResources.Namespaces, "", name);
                await (ns is null
                    ? WriteStatusAsync(context, 404, "NotFound", $"namespaces \"{name}\" not found")
                    : WriteAsync(context, ns)).ConfigureAwait(false);
                return;
            case ["namespaces", var name, "pods", var pod, "log"] when groupVersion == "v1":
                await LogAsync(context, name, pod).ConfigureAwait(false);
                return;
            case ["namespaces", var name, var plural]:
                await ListAsync(context, groupVersion, plural, name).ConfigureAwait(false);
                return;
            default:
                await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource").ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Serves a container log as the API server does: plain text, <c>tailLines</c> and <c>limitBytes</c> applied.</summary>
    private async Task LogAsync(HttpContext context, string ns, string pod)
    {
        var query = context.Request.Query;
        var container = query["container"].ToString();
        var previous = query["previous"].ToString() == "true";
        if (!server.PodLogs.TryGetValue((ns, pod, container, previous), out var log))
        {
            await WriteStatusAsync(context, previous ? 400 : 404, previous ? "BadRequest" : "NotFound", $"container \"{container}\" in pod \"{pod}\" has no {(previous ? "previous " : "")}log").ConfigureAwait(false);
            return;
        }

        var lines = log.Split('\n');
        if (int.TryParse(query["tailLines"].ToString(), out var tail) && lines.Length > tail)
        {
            log = string.Join('\n', lines[^tail..]);
        }

        var bytes = Encoding.UTF8.GetBytes(log);
        if (int.TryParse(query["limitBytes"].ToString(), out var limit) && bytes.Length > limit)
        {
            bytes = bytes[..limit];
        }

        context.Response.ContentType = "text/plain";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context, string groupVersion, string plural, string? ns)
    {
        var type = Served().FirstOrDefault(t => t.ApiVersion == groupVersion && t.Plural == plural && (ns is null || t.Namespaced));
        if (type is null)
        {
            await WriteStatusAsync(context, 404, "NotFound", "the server could not find the requested resource").ConfigureAwait(false);
            return;
        }

        if (server.FaultFor(type) is { } fault)
        {
            if (fault.Latency > TimeSpan.Zero)
            {
                await Task.Delay(fault.Latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (fault.Status is { } status)
            {
                var where = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
                var message = status == 403
                    ? $"{plural} is forbidden: User \"system:serviceaccount:default:k8sgpt\" cannot list resource \"{plural}\" in API group \"{type.Group}\" {where}"
                    : $"injected failure {status} for {plural}";
                await WriteStatusAsync(context, status, status == 403 ? "Forbidden" : "InternalError", message).ConfigureAwait(false);
                return;
            }
        }

        var query = context.Request.Query;
        var selector = LabelSelector.Parse(query["labelSelector"].ToString());
        var fields = ParseFields(query["fieldSelector"].ToString());
        var all = server.Objects.List(type, ns, selector, fields);
        var offset = query["continue"].ToString() is { Length: > 0 } token ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? l : int.MaxValue;
        var page = all.Skip(offset).Take(limit).ToArray();
        var next = offset + page.Length < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Length).ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;

        var items = new JsonArray();
        foreach (var item in page)
        {
            // As the real server: items of a list carry neither kind nor apiVersion.
            item.Remove("kind");
            item.Remove("apiVersion");
            items.Add(item);
        }

        var metadata = new JsonObject { ["resourceVersion"] = "1000" };
        if (next is not null)
        {
            metadata["continue"] = next;
            metadata["remainingItemCount"] = all.Count - offset - page.Length;
        }

        await WriteAsync(context, new JsonObject
        {
            ["kind"] = $"{type.Kind}List",
            ["apiVersion"] = groupVersion,
            ["metadata"] = metadata,
            ["items"] = items,
        }).ConfigureAwait(false);
    }

    private static List<(string Field, string Value, bool Equal)> ParseFields(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(static part =>
            {
                var notEqual = part.Contains("!=", StringComparison.Ordinal);
                var pieces = part.Split(notEqual ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
                return (pieces[0].Trim(), pieces.Length > 1 ? pieces[1].Trim() : "", !notEqual);
            })
            .ToList();

    private IEnumerable<ResourceType> Served() => KnownResources.All.SelectMany(server.VersionsOf).Where(t => server.Serves(t.ApiVersion));

    private JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var group in Served().Where(static t => t.Group.Length > 0).GroupBy(static t => t.Group))
        {
            var versions = group.Select(static t => t.ApiVersion).Distinct().Select(static gv => (JsonNode)new JsonObject
            {
                ["groupVersion"] = gv,
                ["version"] = gv[(gv.IndexOf('/', StringComparison.Ordinal) + 1)..],
            }).ToArray();
            groups.Add(new JsonObject { ["name"] = group.Key, ["versions"] = new JsonArray(versions), ["preferredVersion"] = versions[0]!.DeepClone() });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private JsonObject AggregatedList(bool core)
    {
        var items = new JsonArray();
        foreach (var group in Served().Where(t => (t.Group.Length == 0) == core).GroupBy(static t => t.Group))
        {
            var versions = group.GroupBy(static t => t.Version).Select(static v => (JsonNode)new JsonObject
            {
                ["version"] = v.Key,
                ["resources"] = new JsonArray([.. v.Select(static t => (JsonNode)new JsonObject
                {
                    ["resource"] = t.Plural,
                    ["responseKind"] = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind },
                    ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
                    ["verbs"] = new JsonArray("get", "list", "watch"),
                })]),
            }).ToArray();
            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = group.Key }, ["versions"] = new JsonArray(versions) });
        }

        return new JsonObject { ["apiVersion"] = "apidiscovery.k8s.io/v2", ["kind"] = "APIGroupDiscoveryList", ["items"] = items };
    }

    private JsonObject ResourceList(string groupVersion) => new()
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray([.. Served().Where(t => t.ApiVersion == groupVersion).Select(static t => (JsonNode)new JsonObject
        {
            ["name"] = t.Plural,
            ["namespaced"] = t.Namespaced,
            ["kind"] = t.Kind,
            ["verbs"] = new JsonArray("get", "list", "watch"),
        })]),
    };

    private static Task WriteStatusAsync(HttpContext context, int status, string reason, string message)
    {
        context.Response.StatusCode = status;
        return WriteAsync(context, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = status,
        });
    }

    private static Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
