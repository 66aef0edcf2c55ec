using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Kubernetes.Live;

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

        return new LiveClusterSource(new LiveClusterOptions
        {
            KubeConfigPath = context.KubeConfig,
            Context = context.KubeContext,
            Environment = context.Io.Environment,
        });
    }
}
