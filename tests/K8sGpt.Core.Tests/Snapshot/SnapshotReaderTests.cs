using k8s.Models;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Snapshot;

public sealed class SnapshotReaderTests
{
    [Fact]
    public void An_empty_typed_list_means_the_type_was_read_and_there_are_none()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: SecretList
            items: []
            """);

        Assert.True(snapshot.Find<V1Secret>("shop", "tls").NotFound);
    }

    [Fact]
    public void A_type_absent_from_a_snapshot_file_is_unknown_not_missing()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            """);

        var lookup = snapshot.Find<V1Secret>("shop", "tls");

        Assert.Equal(LookupOutcome.Unknown, lookup.Outcome);
    }

    [Fact]
    public void Json_lists_multi_document_yaml_and_single_objects_are_all_read_and_unknown_kinds_counted()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: shop}}
            - {apiVersion: example.com/v1, kind: Widget, metadata: {name: w, namespace: shop}}
            ---
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: b, namespace: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            """);

        Assert.Equal(["a", "b"], snapshot.All<V1Pod>().Select(static p => p.Metadata.Name));
        Assert.Single(snapshot.All<V1Deployment>());
        Assert.Equal(1, snapshot.Facts.IgnoredKinds["Widget"]);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a\n", "document 1")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\nkind: [oops\n", "document 2")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nspec: {}\n", "document 2")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nstatus: {containerStatuses: 7}\n", "document 1")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: [a,\n b: c]\n", "document 1")]
    public void A_malformed_document_is_an_error_naming_file_and_position(string yaml, string position)
    {
        var error = Assert.Throws<SnapshotReadException>(() => SnapshotFixtures.FromYaml(yaml));

        Assert.Contains("fixture.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(position, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_and_selector_apply_to_snapshots()
    {
        var snapshot = SnapshotFixtures.FromYaml(
            """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: shop, labels: {app: web, tier: front}}}
            - {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: shop, labels: {app: db}}}
            - {apiVersion: v1, kind: Pod, metadata: {name: c, namespace: data, labels: {app: web}}}
            """,
            ns: "shop",
            selector: "app notin (db),tier");

        Assert.Equal(["a", "b"], snapshot.All<V1Pod>().Select(static p => p.Metadata.Name));
        Assert.Equal(["a"], snapshot.Selected<V1Pod>().Select(static p => p.Metadata.Name));
    }

    [Fact]
    public void A_type_the_snapshot_holds_only_in_other_namespaces_is_missing_from_the_scanned_namespace_not_unknown()
    {
        var snapshot = SnapshotFixtures.FromYaml(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: tls, namespace: data}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            """,
            ns: "shop");

        Assert.Empty(snapshot.All<V1Secret>());
        Assert.True(snapshot.Find<V1Secret>("shop", "tls").NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing here\n")]
    [InlineData("---\n---\n")]
    public async Task An_empty_snapshot_file_is_an_error_not_a_healthy_cluster(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"k8sgpt-empty-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var error = await Assert.ThrowsAsync<SnapshotReadException>(() => SnapshotReader.ReadAsync(file, ScanScope.Everything, CancellationToken.None));

            Assert.Equal($"snapshot {file} contains no Kubernetes objects", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Custom_resources_are_recognised_without_any_analyzer_having_been_built()
    {
        // A fresh copy of the Core assembly in its own load context: nothing in it has run yet, whatever other tests
        // of this process built before, so this proves the lookup registers the custom types by itself.
        var context = new System.Runtime.Loader.AssemblyLoadContext("fresh-core", isCollectible: true);
        try
        {
            var core = context.LoadFromAssemblyPath(typeof(KnownResources).Assembly.Location);
            var find = core.GetType(typeof(KnownResources).FullName!)!.GetMethod(nameof(KnownResources.Find), [typeof(string), typeof(string)])!;

            Assert.NotSame(typeof(KnownResources).Assembly, core);
            Assert.NotNull(find.Invoke(null, ["gateway.networking.k8s.io", "HTTPRoute"]));
            Assert.NotNull(find.Invoke(null, ["keda.sh", "ScaledObject"]));
            Assert.NotNull(find.Invoke(null, ["aws.k8sgpt.ai", "EKSClusterHealth"]));
            Assert.Null(find.Invoke(null, ["example.com", "Widget"]));
        }
        finally
        {
            context.Unload();
        }
    }
}
