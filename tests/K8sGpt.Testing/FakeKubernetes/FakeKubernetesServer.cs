using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using K8sGpt.Core.Snapshot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>
/// A small Kubernetes API server for tests, on Kestrel at 127.0.0.1 with a free port, plain HTTP or HTTPS with a
/// generated CA. Serves /version, discovery and list endpoints (label and simple field selectors, limit/continue
/// paging), checks a bearer token, can inject 403/404/500 and latency per resource, and logs every request.
/// </summary>
public sealed class FakeKubernetesServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<ResourceType, FakeFault> _faults = new();
    private readonly ConcurrentDictionary<string, bool> _unserved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ResourceType, string[]> _extraVersions = new();

    private FakeKubernetesServer(WebApplication app, bool tls, string token)
    {
        _app = app;
        Tls = tls;
        Token = token;
    }

    public bool Tls { get; }

    /// <summary>The bearer token the server accepts.</summary>
    public string Token { get; }

    public string ServerVersion { get; set; } = "v1.31.2";

    public Uri Url { get; private set; } = null!;

    /// <summary>Answer <c>/api</c> and <c>/apis</c> with aggregated discovery (every resource in two responses) when asked for it.</summary>
    public bool AggregatedDiscovery { get; set; }

    public FakeObjectStore Objects { get; } = new();

    /// <summary>What <c>GET /openapi/v2</c> serves (a small document by default).</summary>
    public JsonObject OpenApiDocument { get; set; } = FakeOpenApi.Document();

    /// <summary>When set, <c>GET /openapi/v2</c> answers this HTTP status instead of the document.</summary>
    public int? OpenApiStatus { get; set; }

    public FakeRequestLog Requests { get; } = new();

    /// <summary>Container logs served at <c>pods/{pod}/log</c>, by namespace, pod, container and previous instance.</summary>
    public ConcurrentDictionary<(string Namespace, string Pod, string Container, bool Previous), string> PodLogs { get; } = new();

    public static async Task<FakeKubernetesServer> StartAsync(bool tls = false, string token = "fake-token")
    {
        var builder = WebApplication.CreateEmptyBuilder(new());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (tls)
            {
                listen.UseHttps(FakeCertificates.Shared.Server);
            }
        }));
        builder.Services.AddRouting();
        var app = builder.Build();
        var server = new FakeKubernetesServer(app, tls, token);
        var api = new FakeApi(server);
        app.UseRouting();
        app.MapGet("/{**path}", api.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Makes every list of <paramref name="type"/> fail or slow down; pass null to clear.</summary>
    public void Inject(ResourceType type, FakeFault? fault)
    {
        if (fault is null)
        {
            _faults.TryRemove(type, out _);
        }
        else
        {
            _faults[type] = fault;
        }
    }

    /// <summary>Stops serving a group/version (<c>autoscaling/v2</c>): absent from discovery, lists answer 404.</summary>
    public void Unserve(string groupVersion) => _unserved[groupVersion] = true;

    /// <summary>
    /// Also serves a type at other versions of its group (Gateway API <c>v1beta1</c> beside <c>v1</c>), with the same
    /// objects; combine with <see cref="Unserve"/> to serve a type only at an older version.
    /// </summary>
    public void ServeAlsoAt(ResourceType type, params string[] versions) => _extraVersions[type] = versions;

    /// <summary>The type at its own version and at every extra version it is served at.</summary>
    internal IEnumerable<ResourceType> VersionsOf(ResourceType type) =>
        [type, .. _extraVersions.GetValueOrDefault(type, []).Select(v => type with { Version = v })];

    internal FakeFault? FaultFor(ResourceType type) => _faults.GetValueOrDefault(type);

    internal bool Serves(string groupVersion) => !_unserved.ContainsKey(groupVersion);

    /// <summary>Kubeconfig text for this server: one cluster, one user with a bearer token, one context.</summary>
    public string KubeConfigYaml(string context = "fake", string? token = null, string? authorityPem = null, string? server = null)
    {
        var text = new StringBuilder()
            .AppendLine("apiVersion: v1")
            .AppendLine("kind: Config")
            .AppendLine($"current-context: {context}")
            .AppendLine("clusters:")
            .AppendLine($"- name: {context}-cluster")
            .AppendLine("  cluster:")
            .AppendLine($"    server: {server ?? Url.ToString().TrimEnd('/')}");
        if (Tls)
        {
            var pem = authorityPem ?? FakeCertificates.Shared.AuthorityPem;
            text.AppendLine($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(pem))}");
        }

        return text
            .AppendLine("users:")
            .AppendLine($"- name: {context}-user")
            .AppendLine("  user:")
            .AppendLine($"    token: {token ?? Token}")
            .AppendLine("contexts:")
            .AppendLine($"- name: {context}")
            .AppendLine("  context:")
            .AppendLine($"    cluster: {context}-cluster")
            .AppendLine($"    user: {context}-user")
            .ToString();
    }

    /// <summary>Writes <see cref="KubeConfigYaml"/> to a file in <paramref name="directory"/> and returns its path.</summary>
    public string WriteKubeConfig(string directory, string context = "fake", string? token = null, string fileName = "kubeconfig")
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, KubeConfigYaml(context, token));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal void Log(HttpContext context) => Requests.Add(new FakeRequest(
        context.Request.Method,
        context.Request.Path.Value ?? "",
        context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "",
        context.Response.StatusCode));
}
