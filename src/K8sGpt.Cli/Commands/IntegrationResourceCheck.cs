using K8sGpt.Cli.Infrastructure;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Kubernetes.Live;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// Whether the custom resources integrations need are served: by API discovery against the live cluster, or from
/// what a snapshot recorded (<c>--snapshot</c>). Only reads; never writes to the cluster.
/// </summary>
public static class IntegrationResourceCheck
{
    /// <summary>Served (true), not served (false) or unknown (absent) per type.</summary>
    public static async Task<IReadOnlyDictionary<ResourceType, bool>> CheckAsync(
        CommandContext context, string? snapshotPath, IReadOnlyList<ResourceType> types, CancellationToken cancellationToken)
    {
        if (types.Count == 0)
        {
            return new Dictionary<ResourceType, bool>();
        }

        if (string.IsNullOrWhiteSpace(snapshotPath))
        {
            var check = new ServedResourceCheck(new LiveClusterOptions
            {
                KubeConfigPath = context.KubeConfig,
                Context = context.KubeContext,
                Environment = context.Io.Environment,
            });
            return await check.CheckAsync(types, cancellationToken).ConfigureAwait(false);
        }

        ClusterSnapshot snapshot;
        try
        {
            snapshot = await SnapshotReader.ReadAsync(snapshotPath, ScanScope.Everything, cancellationToken).ConfigureAwait(false);
        }
        catch (SnapshotReadException ex)
        {
            throw new Core.Analysis.ClusterAccessException(ex.Message, ex);
        }

        var result = new Dictionary<ResourceType, bool>();
        foreach (var type in types.Distinct())
        {
            if (FromSnapshot(snapshot, type) is { } served)
            {
                result[type] = served;
            }
        }

        return result;
    }

    /// <summary>
    /// A type with objects, or listed (even forbidden), is served; one recorded as not served is not; otherwise the
    /// discovery facts of a dump decide; a plain YAML file without them cannot tell.
    /// </summary>
    private static bool? FromSnapshot(ClusterSnapshot snapshot, ResourceType type) => snapshot.StatusOf(type).State switch
    {
        ReadState.Loaded or ReadState.Forbidden => true,
        ReadState.NotServed => false,
        _ when snapshot.Facts.ServedGroupVersions.Count > 0 =>
            new[] { type.Version }.Concat(type.AlternateVersions).Any(v => snapshot.Facts.ServedGroupVersions.Contains($"{type.Group}/{v}", StringComparer.Ordinal)),
        _ => null,
    };

    /// <summary>The integration's resources the check found missing.</summary>
    public static IReadOnlyList<ResourceType> Missing(Integration integration, IReadOnlyDictionary<ResourceType, bool> served) =>
        integration.Resources.Where(r => served.TryGetValue(r, out var isServed) && !isServed).ToArray();
}
