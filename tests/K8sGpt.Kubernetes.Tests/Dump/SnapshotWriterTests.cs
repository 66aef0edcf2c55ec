using System.Text.Json.Nodes;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Kubernetes.Dump;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Dump;

public sealed class SnapshotWriterTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
        type: Opaque
        data:
          password: c3VwZXItc2VjcmV0
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        status:
          phase: Running
        """;

    [Fact]
    public void Secrets_are_written_without_their_values()
    {
        var json = SnapshotWriter.Write(SnapshotFixtures.FromYaml(Cluster), SnapshotFixtures.Now);

        Assert.DoesNotContain("c3VwZXItc2VjcmV0", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"db\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_comes_first_and_objects_keep_kind_and_api_version()
    {
        var list = SnapshotWriter.ToJson(SnapshotFixtures.FromYaml(Cluster), SnapshotFixtures.Now);

        var items = list["items"]!.AsArray();
        Assert.True(SnapshotHeader.IsHeader(items[0]!.AsObject()));
        Assert.Equal("2026-11-30T12:00:00Z", items[0]!["takenAt"]!.GetValue<string>());
        Assert.Equal(["v1/Pod/web", "v1/Secret/db"], items.Skip(1).Select(static i => $"{i!["apiVersion"]}/{i["kind"]}/{i["metadata"]!["name"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_statuses_survive_the_round_trip()
    {
        var builder = new ClusterSnapshotBuilder(ScanScope.Everything);
        builder.SetStatus(KnownResources.Pods, new ResourceReadStatus(ReadState.Forbidden, "list pods cluster-wide"));
        builder.SetStatus(KnownResources.Jobs, new ResourceReadStatus(ReadState.NotServed, "batch/v1 jobs is not served"));

        var read = SnapshotReader.ReadText(SnapshotWriter.Write(builder.Build(), SnapshotFixtures.Now), ScanScope.Everything);

        Assert.Equal(new ResourceReadStatus(ReadState.Forbidden, "list pods cluster-wide"), read.StatusOf(KnownResources.Pods));
        Assert.Equal(ReadState.NotServed, read.StatusOf(KnownResources.Jobs).State);
    }

    [Fact]
    public async Task Writing_a_file_replaces_it_atomically_with_owner_only_permissions()
    {
        using var directory = new Live.TempDirectory();
        var path = directory.File("dump.json");
        await File.WriteAllTextAsync(path, "old");

        await SnapshotWriter.WriteFileAsync(SnapshotFixtures.FromYaml(Cluster), SnapshotFixtures.Now, path, CancellationToken.None);

        Assert.Equal("List", JsonNode.Parse(await File.ReadAllTextAsync(path))!["kind"]!.GetValue<string>());
        Assert.Equal(["dump.json"], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Dump_reads_every_type_the_catalog_reads_as_lookups()
    {
        var reads = DumpReads.For(AnalyzerCatalog.Default);

        Assert.All(reads, static r => Assert.Equal(ReadRole.Lookup, r.Role));
        Assert.Equal(
            AnalyzerCatalog.Default.Analyzers.SelectMany(static a => a.Reads).Select(static r => r.Type.Resource).Distinct().Order(StringComparer.Ordinal),
            reads.Select(static r => r.Type.Resource));
    }
}
