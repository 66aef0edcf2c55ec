using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace K8sGpt.Testing.FakeAws;

/// <summary>
/// An in-process Amazon EKS API on 127.0.0.1 speaking the real REST/JSON wire format (<c>GET /clusters/{name}</c>,
/// node groups, add-ons, <c>nextToken</c> paging, <c>x-amzn-ErrorType</c> errors). It checks every request's SigV4
/// signature against one access key, answers denied actions with AccessDeniedException, and records what it served.
/// </summary>
public sealed class FakeEksServer : IAsyncDisposable
{
    public const string AccessKey = "AKIAFAKEEKS000000001";
    public const string SecretKey = "fake/secret/key/for/the/eks/server/0001";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Action, string Target, string Region)> _requests = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeEksServer(WebApplication app) => _app = app;

    /// <summary>Root URL, for example <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Url { get; private set; } = "";

    /// <summary>Clusters by name: the <c>cluster</c> object DescribeCluster returns.</summary>
    public ConcurrentDictionary<string, JsonObject> Clusters { get; } = new(StringComparer.Ordinal);

    /// <summary>Node groups by (cluster, name): the <c>nodegroup</c> object DescribeNodegroup returns.</summary>
    public ConcurrentDictionary<(string Cluster, string Name), JsonObject> NodeGroups { get; } = new();

    /// <summary>Add-ons by (cluster, name): the <c>addon</c> object DescribeAddon returns.</summary>
    public ConcurrentDictionary<(string Cluster, string Name), JsonObject> Addons { get; } = new();

    /// <summary>IAM actions (<c>eks:DescribeAddon</c>) answered with 403 AccessDeniedException.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    /// <summary>Actions that never answer (the client's timeout must end them).</summary>
    public ConcurrentDictionary<string, bool> Hanging { get; } = new(StringComparer.Ordinal);

    /// <summary>A broken paginator: every list page answers the same <c>nextToken</c>.</summary>
    public bool RepeatNextToken { get; set; }

    /// <summary>Names per list page, to exercise <c>nextToken</c> paging.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Served requests: IAM action, raw path and query, and the region of the signature.</summary>
    public IReadOnlyList<(string Action, string Target, string Region)> Requests => [.. _requests];

    public static async Task<FakeEksServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeEksServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.Url = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Adds a cluster in the shape DescribeCluster returns; <paramref name="issues"/> become <c>health.issues</c>.</summary>
    public JsonObject AddCluster(string name, string region = "us-west-2", string status = "ACTIVE", string endpoint = "", params (string Code, string Message, string[] ResourceIds)[] issues)
    {
        var cluster = new JsonObject
        {
            ["name"] = name,
            ["arn"] = $"arn:aws:eks:{region}:123456789012:cluster/{name}",
            ["status"] = status,
            ["version"] = "1.31",
            ["endpoint"] = endpoint.Length > 0 ? endpoint : $"https://{name.ToUpperInvariant()}0123456789.gr7.{region}.eks.amazonaws.com",
            ["health"] = Health(issues),
        };
        Clusters[name] = cluster;
        return cluster;
    }

    public void AddNodeGroup(string cluster, string name, string status = "ACTIVE", params (string Code, string Message, string[] ResourceIds)[] issues) =>
        NodeGroups[(cluster, name)] = new JsonObject
        {
            ["nodegroupName"] = name,
            ["clusterName"] = cluster,
            ["status"] = status,
            ["version"] = "1.31",
            ["health"] = Health(issues),
        };

    public void AddAddon(string cluster, string name, string status = "ACTIVE", params (string Code, string Message, string[] ResourceIds)[] issues) =>
        Addons[(cluster, name)] = new JsonObject
        {
            ["addonName"] = name,
            ["clusterName"] = cluster,
            ["status"] = status,
            ["addonVersion"] = "v1.19.0-eksbuild.1",
            ["health"] = Health(issues),
        };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static JsonObject Health((string Code, string Message, string[] ResourceIds)[] issues) => new()
    {
        ["issues"] = new JsonArray([.. issues.Select(static i => (JsonNode)new JsonObject
        {
            ["code"] = i.Code,
            ["message"] = i.Message,
            ["resourceIds"] = new JsonArray([.. i.ResourceIds.Select(static r => (JsonNode?)r)]),
        })]),
    };

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var headers = context.Request.Headers.ToDictionary(static h => h.Key.ToLowerInvariant(), static h => h.Value.ToString(), StringComparer.Ordinal);
        var invalid = SigV4Check.Verify(context.Request.Method, target, headers, SecretKey, out var signature);
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (action, reply) = Route(segments, context.Request.Query["nextToken"].ToString());
        _requests.Enqueue((action, target, signature?.Region ?? ""));

        if (signature is null || invalid is not null)
        {
            await ErrorAsync(context, HttpStatusCode.Forbidden, "InvalidSignatureException", invalid ?? "no signature").ConfigureAwait(false);
            return;
        }

        if (signature.AccessKey != AccessKey)
        {
            await ErrorAsync(context, HttpStatusCode.Forbidden, "UnrecognizedClientException", "The security token included in the request is invalid.").ConfigureAwait(false);
            return;
        }

        if (signature.Service != "eks")
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, "InvalidSignatureException", $"Credential should be scoped to correct service: 'eks', not '{signature.Service}'").ConfigureAwait(false);
            return;
        }

        if (Denied.ContainsKey(action))
        {
            await ErrorAsync(context, HttpStatusCode.Forbidden, "AccessDeniedException", $"User: arn:aws:iam::123456789012:user/k8sgpt is not authorized to perform: {action}").ConfigureAwait(false);
            return;
        }

        if (Hanging.ContainsKey(action))
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return;
        }

        if (reply is null)
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "ResourceNotFoundException", $"No cluster found for name: {(segments.Length > 1 ? segments[1] : "")}.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private (string Action, JsonObject? Reply) Route(string[] s, string nextToken) => s switch
    {
        ["clusters"] => ("eks:ListClusters", Page("clusters", Clusters.Keys, nextToken)),
        ["clusters", var c] => ("eks:DescribeCluster", Clusters.TryGetValue(c, out var cluster) ? new JsonObject { ["cluster"] = cluster.DeepClone() } : null),
        ["clusters", var c, "node-groups"] => ("eks:ListNodegroups", Clusters.ContainsKey(c) ? Page("nodegroups", NodeGroups.Keys.Where(k => k.Cluster == c).Select(static k => k.Name), nextToken) : null),
        ["clusters", var c, "node-groups", var n] => ("eks:DescribeNodegroup", NodeGroups.TryGetValue((c, n), out var group) ? new JsonObject { ["nodegroup"] = group.DeepClone() } : null),
        ["clusters", var c, "addons"] => ("eks:ListAddons", Clusters.ContainsKey(c) ? Page("addons", Addons.Keys.Where(k => k.Cluster == c).Select(static k => k.Name), nextToken) : null),
        ["clusters", var c, "addons", var a] => ("eks:DescribeAddon", Addons.TryGetValue((c, a), out var addon) ? new JsonObject { ["addon"] = addon.DeepClone() } : null),
        _ => ("eks:Unknown", null),
    };

    private JsonObject Page(string member, IEnumerable<string> names, string nextToken)
    {
        var all = names.Order(StringComparer.Ordinal).ToArray();
        var start = int.TryParse(nextToken, out var offset) ? offset : 0;
        var page = new JsonObject { [member] = new JsonArray([.. all.Skip(start).Take(PageSize).Select(static n => (JsonNode?)n)]) };
        if (RepeatNextToken)
        {
            page["nextToken"] = "same";
        }
        else if (start + PageSize < all.Length)
        {
            page["nextToken"] = (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return page;
    }

    private static async Task ErrorAsync(HttpContext context, HttpStatusCode status, string type, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.Headers["x-amzn-ErrorType"] = $"{type}:http://internal.amazon.com/coral/com.amazon.coral.service/";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["message"] = message }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
