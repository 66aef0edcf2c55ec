using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Docs;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live.Eks;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// Reads a live cluster: one API discovery, then one paged list per requested resource type, concurrently within
/// a bound. No per-object requests. Forbidden, unserved and failed lists become read statuses, not errors; only a
/// cluster that cannot be reached or authenticated against at all is an error.
/// </summary>
public sealed class LiveClusterSource(LiveClusterOptions options) : IClusterSource
{
    public LiveClusterSource()
        : this(new LiveClusterOptions())
    {
    }

    /// <summary>With <see cref="LiveClusterOptions.ReadOpenApi"/>: the field docs of the last load, null when the fetch failed.</summary>
    public FieldDocs? FieldDocs { get; private set; }

    /// <summary>With <see cref="LiveClusterOptions.ReadOpenApi"/>: why the last fetch failed, or empty.</summary>
    public string FieldDocsError { get; private set; } = "";

    public async Task<ClusterSnapshot> LoadAsync(IReadOnlyList<ResourceRead> reads, ScanScope scope, CancellationToken cancellationToken)
    {
        var resolved = KubeConfigResolver.Resolve(options);
        var counter = new RequestCounter();
        using var api = CreateConnection(resolved, counter);
        var host = api.BaseUri.ToString().TrimEnd('/');

        var (version, discovery) = await DiscoverAsync(api, host, reads, scope, cancellationToken).ConfigureAwait(false);

        var builder = new ClusterSnapshotBuilder(scope);

        // Cloud health does not depend on the lists: it is read from the cloud provider while they run.
        var eks = reads.Any(static r => r.Type == IntegrationResources.EksClusterHealth)
            ? new EksHealthReader(options).ReadAsync(resolved.Context, builder, cancellationToken)
            : null;
        var timings = new ConcurrentBag<ListTiming>();
        var lister = new ResourceLister(api, options, scope);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentLists), CancellationToken = cancellationToken };
        var pods = new ConcurrentBag<k8s.Models.V1Pod>();
        await Parallel.ForEachAsync(reads.Where(static r => r.Type.Listed), parallel, async (read, token) =>
        {
            var groupVersion = ServedVersion(read.Type, discovery);
            if (groupVersion is null)
            {
                builder.SetStatus(read.Type, new ResourceReadStatus(ReadState.NotServed, $"{read.Type.ApiVersion} {read.Type.Plural} is not served"));
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var outcome = await lister.ListAsync(read, groupVersion, token).ConfigureAwait(false);
            foreach (var obj in outcome.Objects)
            {
                builder.Add(read.Type, obj);
                if (obj is k8s.Models.V1Pod pod)
                {
                    pods.Add(pod);
                }
            }

            builder.SetStatus(read.Type, outcome.Status);
            timings.Add(new ListTiming(read.Type.Resource, Stopwatch.GetElapsedTime(started), outcome.Pages, outcome.Objects.Count));
        }).ConfigureAwait(false);

        if (reads.Any(static r => r.Type == KnownResources.PodLogs))
        {
            // Logs are read per container, only after the pods say which containers fail.
            builder.SetStatus(KnownResources.PodLogs, await new PodLogReader(api, options).ReadAsync(pods, builder, cancellationToken).ConfigureAwait(false));
        }

        if (eks is not null)
        {
            builder.SetStatus(IntegrationResources.EksClusterHealth, await eks.ConfigureAwait(false));
        }

        if (options.ReadOpenApi)
        {
            (FieldDocs, FieldDocsError) = await new OpenApiFetcher(api, options)
                .FetchAsync(reads.Select(static r => r.Type).Where(static t => t.Listed).Distinct(), cancellationToken)
                .ConfigureAwait(false);
        }

        builder.Facts = new SnapshotFacts
        {
            ServerVersion = version,
            Source = resolved.SourceName,
            ServedGroupVersions = discovery.GroupVersions,
            ApiRequests = counter.Count,
            ListTimings = [.. timings.OrderBy(static t => t.Resource, StringComparer.Ordinal)],
        };
        return builder.Build();
    }

    private static ApiConnection CreateConnection(KubeConfigResolver.Resolved resolved, RequestCounter counter)
    {
        try
        {
            return new ApiConnection(resolved.Configuration, counter);
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or System.Security.Cryptography.CryptographicException or UriFormatException or ArgumentException)
        {
            throw new ClusterAccessException($"cannot set up a client for {resolved.SourceName}: {PlainMessage.Of(ex)}", ex);
        }
    }

    /// <summary>The first of the type's versions the server serves, as <c>group/version</c>; null when none is.</summary>
    private static string? ServedVersion(ResourceType type, ApiDiscovery discovery) =>
        new[] { type.Version }.Concat(type.AlternateVersions)
            .Select(v => type.Group.Length == 0 ? v : $"{type.Group}/{v}")
            .FirstOrDefault(gv => discovery.Serves(gv) && discovery.ServesResource(gv, type.Plural) != false);

    private async Task<(string Version, ApiDiscovery Discovery)> DiscoverAsync(
        ApiConnection api, string host, IReadOnlyList<ResourceRead> reads, ScanScope scope, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.DiscoveryTimeout);
        Task<ApiResponse> Get(string path, string? accept) => api.GetAsync(path, accept, timeout.Token);
        try
        {
            var versionResponse = await Get("/version", null).ConfigureAwait(false);
            if (versionResponse.Status == HttpStatusCode.Unauthorized)
            {
                throw new DiscoveryException(versionResponse);
            }

            var version = versionResponse.IsSuccess ? versionResponse.Body?["gitVersion"]?.GetValue<string>() ?? "" : "";
            var discovery = await ApiDiscovery.ReadAsync(Get).ConfigureAwait(false);
            var wanted = reads.Where(static r => r.Type.Listed).SelectMany(r => new[] { r.Type.Version }.Concat(r.Type.AlternateVersions)
                .Select(v => r.Type.Group.Length == 0 ? v : $"{r.Type.Group}/{v}"));
            await discovery.CompleteAsync(wanted, Get).ConfigureAwait(false);
            if (scope.Namespace.Length > 0)
            {
                await EnsureNamespaceAsync(Get, scope.Namespace, host).ConfigureAwait(false);
            }

            return (version, discovery);
        }
        catch (DiscoveryException ex) when (ex.Response?.Status == HttpStatusCode.Unauthorized)
        {
            throw new ClusterAccessException($"the Kubernetes API server at {host} rejected the credentials of {KubeSource()} (401 Unauthorized): check the token or certificate in the kubeconfig", ex);
        }
        catch (DiscoveryException ex)
        {
            throw new ClusterAccessException($"API discovery at {host} failed: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ClusterAccessException(DescribeTransportFailure(host, ex), ex);
        }
        catch (k8s.Exceptions.KubeConfigException ex)
        {
            // Credentials are produced per request (exec plugins, token files): their failures surface here.
            throw new ClusterAccessException($"cannot get credentials for {host}: {PlainMessage.Of(ex)}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterAccessException($"the Kubernetes API server at {host} did not answer within {options.DiscoveryTimeout.TotalSeconds:0} s", ex);
        }
    }

    private string KubeSource() => options.Context is { Length: > 0 } context ? $"context {context}" : "the current context";

    private static async Task EnsureNamespaceAsync(Func<string, string?, Task<ApiResponse>> get, string ns, string host)
    {
        var response = await get($"/api/v1/namespaces/{Uri.EscapeDataString(ns)}", null).ConfigureAwait(false);

        // Forbidden (or any other answer): the lists will tell what can be read; only a clear 404 is an error.
        if (response.Status == HttpStatusCode.NotFound)
        {
            throw new NamespaceNotFoundException($"namespace \"{ns}\" not found in the cluster at {host}");
        }
    }

    private static string DescribeTransportFailure(string host, HttpRequestException ex)
    {
        if (ex.InnerException is AuthenticationException tls)
        {
            return $"TLS handshake with the Kubernetes API server at {host} failed: {tls.Message} (check certificate-authority in the kubeconfig)";
        }

        var reason = ex.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => $"connection failed ({ex.InnerException?.Message ?? ex.Message})",
            HttpRequestError.NameResolutionError => $"the host name cannot be resolved ({ex.Message})",
            HttpRequestError.SecureConnectionError => $"TLS failed ({ex.InnerException?.Message ?? ex.Message})",
            _ => ex.Message,
        };
        return $"cannot reach the Kubernetes API server at {host}: {reason}";
    }
}
