using System.Net;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// Answers "which of these resource types does the cluster serve?" with API discovery only (no lists, no writes):
/// what <c>k8sgpt integration</c> uses to tell whether an integration's custom resource definitions are installed.
/// </summary>
public sealed class ServedResourceCheck(LiveClusterOptions options)
{
    /// <summary>Whether each type is served, in any of its versions.</summary>
    /// <exception cref="ClusterAccessException">The cluster cannot be reached, authenticated against or discovered.</exception>
    public async Task<IReadOnlyDictionary<ResourceType, bool>> CheckAsync(IReadOnlyList<ResourceType> types, CancellationToken cancellationToken)
    {
        var resolved = KubeConfigResolver.Resolve(options);
        using var api = Connect(resolved);
        var host = api.BaseUri.ToString().TrimEnd('/');
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.DiscoveryTimeout);
        Task<ApiResponse> Get(string path, string? accept) => api.GetAsync(path, accept, timeout.Token);
        try
        {
            var discovery = await ApiDiscovery.ReadAsync(Get).ConfigureAwait(false);
            await discovery.CompleteAsync(types.SelectMany(GroupVersions), Get).ConfigureAwait(false);
            return types.Distinct().ToDictionary(
                static t => t,
                t => GroupVersions(t).Any(gv => discovery.Serves(gv) && discovery.ServesResource(gv, t.Plural) != false));
        }
        catch (DiscoveryException ex) when (ex.Response?.Status == HttpStatusCode.Unauthorized)
        {
            throw new ClusterAccessException($"the Kubernetes API server at {host} rejected the credentials of {resolved.SourceName} (401 Unauthorized)", ex);
        }
        catch (DiscoveryException ex)
        {
            throw new ClusterAccessException($"API discovery at {host} failed: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ClusterAccessException($"cannot reach the Kubernetes API server at {host}: {ex.Message}", ex);
        }
        catch (k8s.Exceptions.KubeConfigException ex)
        {
            throw new ClusterAccessException($"cannot get credentials for {host}: {PlainMessage.Of(ex)}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterAccessException($"the Kubernetes API server at {host} did not answer within {options.DiscoveryTimeout.TotalSeconds:0} s", ex);
        }
    }

    private static ApiConnection Connect(KubeConfigResolver.Resolved resolved)
    {
        try
        {
            return new ApiConnection(resolved.Configuration, new RequestCounter());
        }
        catch (Exception ex) when (ex is k8s.Exceptions.KubeConfigException or System.Security.Cryptography.CryptographicException or UriFormatException or ArgumentException)
        {
            throw new ClusterAccessException($"cannot set up a client for {resolved.SourceName}: {PlainMessage.Of(ex)}", ex);
        }
    }

    private static IEnumerable<string> GroupVersions(ResourceType type) =>
        new[] { type.Version }.Concat(type.AlternateVersions).Select(v => type.Group.Length == 0 ? v : $"{type.Group}/{v}");
}
