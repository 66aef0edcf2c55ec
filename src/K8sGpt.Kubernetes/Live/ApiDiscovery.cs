using System.Net;
using System.Text.Json.Nodes;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// What the API server serves: group/versions and, per group/version, its resources. Read with aggregated
/// discovery (<c>/api</c> and <c>/apis</c> answer with every resource) or, on older servers, the group lists plus
/// one resource list per group/version that is actually needed.
/// </summary>
internal sealed class ApiDiscovery
{
    private const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.9";

    private readonly Dictionary<string, HashSet<string>?> _resources = new(StringComparer.Ordinal);

    /// <summary>Every served group/version (<c>v1</c>, <c>apps/v1</c>), in discovery order.</summary>
    public List<string> GroupVersions { get; } = [];

    public bool Serves(string groupVersion) => _resources.ContainsKey(groupVersion);

    /// <summary>Whether a resource is served; null when the group/version's resources were not read.</summary>
    public bool? ServesResource(string groupVersion, string plural) =>
        _resources.TryGetValue(groupVersion, out var resources)
            ? resources?.Contains(plural)
            : false;

    /// <summary>Reads <c>/api</c> and <c>/apis</c>.</summary>
    public static async Task<ApiDiscovery> ReadAsync(Func<string, string?, Task<ApiResponse>> get)
    {
        var discovery = new ApiDiscovery();
        foreach (var (path, core) in new[] { ("/api", true), ("/apis", false) })
        {
            var response = await get(path, AggregatedAccept).ConfigureAwait(false);
            if (!response.IsSuccess || response.Body is null)
            {
                throw new DiscoveryException(response);
            }

            if (response.ContentType.Contains("APIGroupDiscoveryList", StringComparison.Ordinal))
            {
                discovery.AddAggregated(response.Body, core);
            }
            else
            {
                discovery.AddLegacy(response.Body, core);
            }
        }

        return discovery;
    }

    /// <summary>Reads the resource lists (<c>/api/v1</c>, <c>/apis/g/v</c>) of group/versions whose resources are not known yet.</summary>
    public async Task CompleteAsync(IEnumerable<string> groupVersions, Func<string, string?, Task<ApiResponse>> get)
    {
        var missing = groupVersions.Distinct(StringComparer.Ordinal)
            .Where(gv => _resources.TryGetValue(gv, out var known) && known is null)
            .ToArray();
        var responses = await Task.WhenAll(missing.Select(gv => get(gv == "v1" ? "/api/v1" : $"/apis/{gv}", null))).ConfigureAwait(false);
        for (var i = 0; i < missing.Length; i++)
        {
            var response = responses[i];
            if (response.Status == HttpStatusCode.NotFound)
            {
                _resources.Remove(missing[i]);
                continue;
            }

            if (!response.IsSuccess || response.Body is null)
            {
                throw new DiscoveryException(response);
            }

            _resources[missing[i]] = (response.Body["resources"] as JsonArray ?? [])
                .Select(static r => r?["name"]?.GetValue<string>() ?? "")
                .Where(static n => n.Length > 0 && !n.Contains('/', StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    private void AddLegacy(JsonObject body, bool core)
    {
        if (core)
        {
            foreach (var version in body["versions"] as JsonArray ?? [])
            {
                Add(version?.GetValue<string>() ?? "", null);
            }

            return;
        }

        foreach (var group in body["groups"] as JsonArray ?? [])
        {
            foreach (var version in group?["versions"] as JsonArray ?? [])
            {
                Add(version?["groupVersion"]?.GetValue<string>() ?? "", null);
            }
        }
    }

    private void AddAggregated(JsonObject body, bool core)
    {
        foreach (var group in body["items"] as JsonArray ?? [])
        {
            var name = core ? "" : group?["metadata"]?["name"]?.GetValue<string>() ?? "";
            foreach (var version in group?["versions"] as JsonArray ?? [])
            {
                var v = version?["version"]?.GetValue<string>() ?? "";
                var resources = (version?["resources"] as JsonArray ?? [])
                    .Select(static r => r?["resource"]?.GetValue<string>() ?? "")
                    .Where(static n => n.Length > 0)
                    .ToHashSet(StringComparer.Ordinal);
                Add(name.Length == 0 ? v : $"{name}/{v}", resources);
            }
        }
    }

    private void Add(string groupVersion, HashSet<string>? resources)
    {
        if (groupVersion.Length == 0 || !_resources.TryAdd(groupVersion, resources))
        {
            return;
        }

        GroupVersions.Add(groupVersion);
    }
}
