using System.Text.Json.Nodes;
using K8sGpt.Cli.Commands;
using K8sGpt.Core.Docs;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.FakeKubernetes;

namespace K8sGpt.Cli.Tests;

public sealed class WithDocTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, uid: d1, creationTimestamp: "2026-01-01T00:00:00Z"}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        status: {replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1}
        """;

    [Fact]
    public async Task Live_with_doc_fetches_the_openapi_document_once_and_fills_the_replicas_description()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);

        var (exit, stdout, _) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig, "--with-doc", "--filter", "Deployment", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Single(harness.Server.Requests.To("/openapi/v2"));
        var failure = JsonNode.Parse(stdout)!["results"]!.AsArray().Single()!["error"]!.AsArray().Single()!;
        Assert.Equal(FakeOpenApi.ReplicasDoc, failure["KubernetesDoc"]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_output_shows_the_doc_under_the_error()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);

        var (exit, stdout, _) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig, "-d", "--filter", "Deployment");

        Assert.Equal(0, exit);
        Assert.Contains($"  Kubernetes Doc: {FakeOpenApi.ReplicasDoc}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_with_doc_the_openapi_document_is_not_fetched()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);

        var (exit, stdout, _) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig, "--filter", "Deployment", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Empty(harness.Server.Requests.To("/openapi/v2"));
        Assert.Equal("", JsonNode.Parse(stdout)!["results"]![0]!["error"]![0]!["KubernetesDoc"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_fetch_is_an_error_entry_and_the_results_are_kept()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);
        harness.Server.OpenApiStatus = 500;

        var (exit, stdout, _) = await harness.RunAsync("analyze", "--kubeconfig", harness.KubeConfig, "--with-doc", "--filter", "Deployment", "-o", "json");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(["[KubernetesDoc] GET /openapi/v2: HTTP 500 InternalServerError"], json["errors"]!.AsArray().Select(static e => e!.GetValue<string>()));
        Assert.Equal("Deployment", json["results"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("", json["results"]![0]!["error"]![0]!["KubernetesDoc"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dump_saves_the_docs_and_analyzing_it_with_doc_gives_the_same_text_without_a_request()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);
        var file = harness.PathOf("snap.json");
        await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "-o", file);
        harness.Server.Requests.Clear();

        var (exit, stdout, _) = await harness.RunAsync("analyze", "--snapshot", file, "--with-doc", "--filter", "Deployment", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Equal(0, harness.Server.Requests.Count);
        Assert.Equal(FakeOpenApi.ReplicasDoc, JsonNode.Parse(stdout)!["results"]![0]!["error"]![0]!["KubernetesDoc"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dump_keeps_only_the_definitions_of_the_kinds_analyzers_read()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);

        var (_, stdout, _) = await harness.RunAsync("dump", "--kubeconfig", harness.KubeConfig, "-o", "-");

        var docs = JsonNode.Parse(stdout)!["items"]![0]!["fieldDocs"]!.AsObject();
        Assert.Contains("io.k8s.api.apps.v1.DeploymentSpec", docs.Select(static kv => kv.Key));
        Assert.Contains("io.k8s.api.core.v1.Container", docs.Select(static kv => kv.Key));
        Assert.DoesNotContain("io.k8s.api.flowcontrol.v1.FlowSchema", docs.Select(static kv => kv.Key));
    }

    [Fact]
    public async Task A_snapshot_without_saved_docs_gets_a_note()
    {
        await using var harness = await LiveCliHarness.StartAsync(Cluster);
        var file = harness.PathOf("cluster.yaml");
        await File.WriteAllTextAsync(file, Cluster);

        var (exit, stdout, _) = await harness.RunAsync("analyze", "--snapshot", file, "--with-doc", "--filter", "Deployment", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Contains(WithDocStep.NotInSnapshot, stdout, StringComparison.Ordinal);
        Assert.Equal("", JsonNode.Parse(stdout)!["results"]![0]!["error"]![0]!["KubernetesDoc"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("spec.replicas", FakeOpenApi.ReplicasDoc)]
    [InlineData("spec.template.spec.containers.image", FakeOpenApi.ImageDoc)]
    [InlineData("metadata.name.whatever", "Name must be unique within a namespace.")]
    [InlineData("spec.missing", "")]
    [InlineData("status.conditions", "")]
    public async Task Paths_walk_references_and_array_items(string path, string expected)
    {
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(FakeOpenApi.Document().ToJsonString()));
        var docs = await OpenApiDocReader.ReadAsync(stream, CancellationToken.None);

        Assert.Equal(expected, docs.Describe(KnownResources.Deployments, path));
    }

    [Fact]
    public async Task Core_group_kinds_find_their_definition_by_version_and_kind()
    {
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(FakeOpenApi.Document().ToJsonString()));
        var docs = await OpenApiDocReader.ReadAsync(stream, CancellationToken.None);

        Assert.Equal("io.k8s.api.core.v1.Pod", docs.DefinitionOf(KnownResources.Pods));
        Assert.Equal(FakeOpenApi.SelectorDoc, docs.Describe(KnownResources.Services, "spec.selector"));
    }
}
