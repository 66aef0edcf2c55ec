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

    [Fact]
    public void Known_names_hold_every_object_name_and_namespace_including_those_of_ignored_kinds()
    {
        var snapshot = SnapshotFixtures.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: shop}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: shop-quota, namespace: billing}
            """);

        Assert.Equal(["a", "billing", "shop", "shop-quota"], snapshot.KnownNames.Order(StringComparer.Ordinal));
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

    [Theory]
    [InlineData(
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nstatus: {conditions: oops}\n",
        "HorizontalPodAutoscaler shop/web is malformed: status.conditions: expected a list, found a string")]
    [InlineData(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: [a, b]}\n",
        "Pod shop/web is malformed: metadata.labels: expected a map, found a list")]
    [InlineData(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app.kubernetes.io/name: [1]}}\n",
        "Pod web is malformed: metadata.labels[\"app.kubernetes.io/name\"]: expected a string, found a list")]
    [InlineData(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, creationTimestamp: yesterday}\n",
        "Pod shop/web is malformed: metadata.creationTimestamp: expected a timestamp (RFC 3339, such as 2026-01-02T15:04:05Z), found \"yesterday\"")]
    [InlineData(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: a, image: a, ports: [{containerPort: 1.5}]}]}\n",
        "Pod shop/web is malformed: spec.containers[0].ports[0].containerPort: expected a whole number, found 1.5")]
    [InlineData(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: a, image: a, resources: {limits: {cpu: lots}}}]}\n",
        "Pod shop/web is malformed: spec.containers[0].resources.limits.cpu: expected a quantity (such as 500m or 1Gi), found \"lots\"")]
    [InlineData(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {strategy: {rollingUpdate: {maxSurge: [1]}}}\n",
        "Deployment shop/web is malformed: spec.strategy.rollingUpdate.maxSurge: expected a number or a string, found a list")]
    [InlineData(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nstatus: {containerStatuses: [{name: a, ready: null, restartCount: 0, image: a, imageID: x}]}\n",
        "Pod shop/web is malformed: status.containerStatuses[0].ready: expected true or false, found null")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: x\n", "Pod is malformed: metadata: expected an object, found a string")]
    public void A_field_that_does_not_fit_its_kind_is_named_by_path_and_expected_shape_in_plain_words(string yaml, string problem)
    {
        var error = Assert.Throws<SnapshotReadException>(() => SnapshotFixtures.FromYaml(yaml));

        Assert.Equal($"fixture.yaml: document 1 (line 1): {problem}", error.Message);
    }

    [Theory]
    [InlineData("[1, 2]", "fixture.yaml: document 1 (line 1): expected a Kubernetes object or List, found a list")]
    [InlineData("- a\n- b\n", "fixture.yaml: document 1 (line 1): expected a Kubernetes object or List, found a list")]
    [InlineData("just text\n", "fixture.yaml: document 1 (line 1): expected a Kubernetes object or List, found a string")]
    [InlineData("apiVersion: v1\nkind: List\nitems: [7]\n", "fixture.yaml: document 1 (line 1), item 1: expected a Kubernetes object, found a number")]
    public void A_document_that_is_not_an_object_says_what_it_is_with_the_right_article(string text, string message)
    {
        var error = Assert.Throws<SnapshotReadException>(() => SnapshotFixtures.FromYaml(text));

        Assert.Equal(message, error.Message);
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
