using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Kubernetes.Dump;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Dump;

public sealed class SnapshotLogTests
{
    [Fact]
    public void Container_logs_survive_the_dump_round_trip_in_the_header()
    {
        var builder = new ClusterSnapshotBuilder(ScanScope.Everything);
        builder.SetStatus(KnownResources.PodLogs, ResourceReadStatus.Loaded);
        builder.AddLog(new ContainerLog("shop", "cart", "app", true, "panic: boom\n"));
        builder.AddLog(new ContainerLog("shop", "cart", "app", false, "starting"));

        var read = SnapshotReader.ReadText(SnapshotWriter.Write(builder.Build(), SnapshotFixtures.Now), ScanScope.Everything);

        Assert.Equal(ReadState.Loaded, read.StatusOf(KnownResources.PodLogs).State);
        Assert.Equal(
            [new ContainerLog("shop", "cart", "app", false, "starting"), new ContainerLog("shop", "cart", "app", true, "panic: boom\n")],
            read.LogsFor("shop", "cart", "app"));
    }

    [Fact]
    public void Snapshot_without_logs_writes_no_logs_entry()
    {
        var header = SnapshotHeader.Create(new ClusterSnapshotBuilder(ScanScope.Everything).Build(), SnapshotFixtures.Now);

        Assert.False(header.ContainsKey("logs"));
    }
}
