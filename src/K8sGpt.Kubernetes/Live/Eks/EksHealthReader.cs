using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Integrations.Aws;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>
/// Reads the health of the EKS cluster behind the current context from the AWS API: DescribeCluster, then the
/// managed node groups and add-ons (listed, then described within a concurrency bound). A context that is not EKS,
/// or no credentials, is a <see cref="ReadState.NotServed"/> status with the reason; a denied or failed AWS call is
/// <see cref="ReadState.Forbidden"/> or <see cref="ReadState.Failed"/> naming the IAM action.
/// </summary>
internal sealed class EksHealthReader(LiveClusterOptions options)
{
    /// <summary>Node groups or add-ons described per cluster at most (the EKS quota is 30 node groups).</summary>
    public const int MaxComponents = 100;

    /// <summary>Clusters described at most when the cluster has to be found by its endpoint.</summary>
    public const int MaxClustersSearched = 50;

    private const int MaxConcurrentCalls = 4;

    public async Task<ResourceReadStatus> ReadAsync(KubeContextInfo? context, ClusterSnapshotBuilder builder, CancellationToken cancellationToken)
    {
        var target = EksTarget.Detect(context, options.Environment);
        if (target is null)
        {
            var what = context is null ? "the in-cluster API server" : $"context {context.Name} (server {context.Server})";
            return new(ReadState.NotServed, $"{what} is not an Amazon EKS cluster (set {EksTarget.ClusterVariable} and AWS_REGION to name one)");
        }

        if (target.Region.Length > 0 && !AwsNames.IsRegion(target.Region))
        {
            return new(ReadState.NotServed, $"{target.Evidence} shows an EKS cluster, but its region \"{target.Region}\" is not an AWS region name");
        }

        var (found, whyNot) = await ResolveCredentialsAsync(target, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new(ReadState.NotServed, $"{target.Evidence} shows an EKS cluster, but {whyNot}");
        }

        var region = target.Region.Length > 0 ? target.Region : found.ProfileRegion;
        if (!AwsNames.IsRegion(region))
        {
            return new(ReadState.NotServed, region.Length == 0
                ? $"{target.Evidence} shows an EKS cluster, but no AWS region is known: set AWS_REGION"
                : $"{target.Evidence} shows an EKS cluster, but the region \"{region}\" of {found.Source} is not an AWS region name");
        }

        Uri endpoint;
        try
        {
            endpoint = EksApi.EndpointFor(region, options.Environment);
        }
        catch (EksApiException ex)
        {
            return new(ReadState.NotServed, ex.Message);
        }

        try
        {
            using var api = new EksApi(found.Credentials, region, endpoint, options.ListTimeout, options.ListTimeout * 2);
            var names = target.ClusterName.Length > 0 ? [target.ClusterName] : await FindByEndpointAsync(api, target, cancellationToken).ConfigureAwait(false);
            if (names.Count == 0)
            {
                return new(ReadState.NotServed, $"no EKS cluster in {region} visible to {found.Source} has the endpoint {target.Server}");
            }

            foreach (var name in names)
            {
                var health = await ReadClusterAsync(api, name, region, cancellationToken).ConfigureAwait(false);
                builder.Add(IntegrationResources.EksClusterHealth, health.ToObject());
            }

            return ResourceReadStatus.Loaded;
        }
        catch (EksApiException ex) when (ex.IsAccessDenied)
        {
            return new(ReadState.Forbidden, $"AWS denied {ex.Action} to {found.Source}: {ex.Message}");
        }
        catch (EksApiException ex) when (ex.IsNotFound && target.ClusterName.Length > 0)
        {
            return new(ReadState.Failed, $"EKS cluster {target.ClusterName} (named by {target.Evidence}) does not exist in {region} for {found.Source}");
        }
        catch (EksApiException ex)
        {
            return new(ReadState.Failed, $"{ex.Message} (credentials: {found.Source}, region {region})");
        }
    }

    /// <summary>
    /// Finds the credentials and obtains them once, within the call timeout: a <c>credential_process</c> or an SSO
    /// refresh can hang or fail, and neither may stop the rest of the run (a dump reads EKS whether asked or not).
    /// </summary>
    private async Task<(AwsCredentialChain.Found? Found, string WhyNot)> ResolveCredentialsAsync(EksTarget target, CancellationToken cancellationToken)
    {
        var source = target.Profile.Length > 0 ? $"profile {target.Profile}" : "the AWS credential sources";
        try
        {
            var (found, whyNot) = await Task.Run(() => AwsCredentialChain.Resolve(target.Profile, options.Environment), cancellationToken)
                .WaitAsync(options.ListTimeout, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                source = found.Source;
                _ = await found.Credentials.GetCredentialsAsync().WaitAsync(options.ListTimeout, cancellationToken).ConfigureAwait(false);
            }

            return (found, whyNot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A third-party boundary: whatever the SDK throws becomes the reason EKS was not read, in safe words.
            return (null, AwsCredentialFailure.Describe(ex, source));
        }
    }

    /// <summary>Lists the clusters of the region and keeps the one whose endpoint is the context's server.</summary>
    private static async Task<IReadOnlyList<string>> FindByEndpointAsync(EksApi api, EksTarget target, CancellationToken cancellationToken)
    {
        var all = await api.ListClustersAsync(cancellationToken).ConfigureAwait(false);
        var matches = new ConcurrentBag<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(all.Take(MaxClustersSearched), parallel, async (name, token) =>
        {
            var cluster = await api.DescribeClusterAsync(name, token).ConfigureAwait(false);
            if (SameEndpoint(cluster["endpoint"]?.ToString(), target.Server))
            {
                matches.Add(name);
            }
        }).ConfigureAwait(false);
        return [.. matches.Order(StringComparer.Ordinal)];
    }

    private static bool SameEndpoint(string? endpoint, string server) =>
        endpoint is { Length: > 0 } && string.Equals(endpoint.TrimEnd('/'), server.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static async Task<EksClusterHealth> ReadClusterAsync(EksApi api, string name, string region, CancellationToken cancellationToken)
    {
        var cluster = await api.DescribeClusterAsync(name, cancellationToken).ConfigureAwait(false);
        var unread = new ConcurrentQueue<string>();
        var nodeGroups = ReadComponentsAsync(
            "managed node groups", token => api.ListNodegroupsAsync(name, token), (n, token) => api.DescribeNodegroupAsync(name, n, token), "nodegroupName", unread, cancellationToken);
        var addons = ReadComponentsAsync(
            "add-ons", token => api.ListAddonsAsync(name, token), (a, token) => api.DescribeAddonAsync(name, a, token), "addonName", unread, cancellationToken);
        await Task.WhenAll(nodeGroups, addons).ConfigureAwait(false);
        return new EksClusterHealth
        {
            ClusterName = cluster["name"]?.ToString() ?? name,
            Region = region,
            Arn = cluster["arn"]?.ToString() ?? "",
            Status = cluster["status"]?.ToString() ?? "",
            Version = cluster["version"]?.ToString() ?? "",
            Issues = EksIssue.IssuesIn(cluster["health"]),
            NodeGroups = await nodeGroups.ConfigureAwait(false),
            Addons = await addons.ConfigureAwait(false),
            Unread = [.. unread.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// Lists and describes one family of components. A failed call is recorded in <paramref name="unread"/> and the
    /// rest is still read: a denied DescribeAddon must not hide a degraded node group.
    /// </summary>
    private static async Task<IReadOnlyList<EksComponentHealth>> ReadComponentsAsync(
        string family,
        Func<CancellationToken, Task<IReadOnlyList<string>>> list,
        Func<string, CancellationToken, Task<JsonObject>> describe,
        string nameField,
        ConcurrentQueue<string> unread,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> names;
        try
        {
            names = await list(cancellationToken).ConfigureAwait(false);
        }
        catch (EksApiException ex)
        {
            unread.Enqueue($"{family} not checked: {ex.Message}");
            return [];
        }

        if (names.Count > MaxComponents)
        {
            unread.Enqueue($"{names.Count - MaxComponents} of {names.Count} {family} not checked (at most {MaxComponents} per cluster)");
        }

        var read = new ConcurrentBag<EksComponentHealth>();
        var failed = new ConcurrentBag<(string Name, string Why)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentCalls, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(names.Take(MaxComponents), parallel, async (name, token) =>
        {
            try
            {
                var component = await describe(name, token).ConfigureAwait(false);
                read.Add(new EksComponentHealth(
                    component[nameField]?.ToString() ?? name,
                    component["status"]?.ToString() ?? "",
                    component["addonVersion"]?.ToString() ?? component["version"]?.ToString() ?? "",
                    EksIssue.IssuesIn(component["health"])));
            }
            catch (EksApiException ex)
            {
                failed.Add((name, ex.Message));
            }
        }).ConfigureAwait(false);

        // One entry per reason, counted: twelve node groups behind one slow API are one warning, not twelve.
        foreach (var reason in failed.GroupBy(static f => f.Why, StringComparer.Ordinal))
        {
            var missed = reason.Select(static f => f.Name).Order(StringComparer.Ordinal).ToArray();
            var which = missed.Length <= 5 ? string.Join(", ", missed) : $"{missed.Length} ({string.Join(", ", missed.Take(5))}, ...)";
            unread.Enqueue($"{family}: {which} not checked: {reason.Key}");
        }

        return [.. read.OrderBy(static c => c.Name, StringComparer.Ordinal)];
    }
}
