using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Cli.Infrastructure;

/// <summary>Chooses where a command reads the cluster from: a snapshot path, else the live cluster.</summary>
public static class ClusterSources
{
    public static IClusterSource Create(CommandContext context, string? snapshotPath)
    {
        if (!string.IsNullOrWhiteSpace(snapshotPath))
        {
            return new SnapshotFileSource(snapshotPath);
        }

        throw new ClusterAccessException("live cluster access is not available in this build yet; use --snapshot PATH");
    }
}
