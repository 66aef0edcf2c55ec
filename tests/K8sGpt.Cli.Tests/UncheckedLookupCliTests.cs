using System.Text.Json;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// A snapshot that lacks the types an analyzer looks up says so in the run's notes instead of reading as healthy,
/// and the same snapshot with those types present reports the problems.
/// </summary>
public sealed class UncheckedLookupCliTests
{
    private const string RouteAndHpa = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs: [{name: gw-missing}]
          rules:
          - backendRefs: [{name: svc-missing, port: 80}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nope}
          minReplicas: 1
          maxReplicas: 3
        """;

    private const string UnrelatedServiceAndDeployment = """
        apiVersion: v1
        kind: Service
        metadata: {name: other, namespace: shop}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: other, namespace: shop}
        spec:
          selector: {matchLabels: {app: other}}
          template: {metadata: {labels: {app: other}}, spec: {containers: [{name: app, image: other}]}}
        """;

    [Fact]
    public async Task Lookups_of_types_missing_from_the_snapshot_are_reported_as_notes()
    {
        using var cli = new CliRun();
        var folder = Directory.CreateDirectory(Path.Combine(cli.Root, "snapshot")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "objects.yaml"), RouteAndHpa);

        var result = await cli.RunAsync("analyze", "--snapshot", folder, "--filter", "HTTPRoute,HorizontalPodAutoscaler", "-o", "json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(0, document.RootElement.GetProperty("problems").GetInt32());
        Assert.Equal(
        [
            "[HTTPRoute] gateways.gateway.networking.k8s.io not in this snapshot: 1 parentRef not checked",
            "[HTTPRoute] services not in this snapshot: 1 backendRef not checked",
            "[HorizontalPodAutoscaler] deployments.apps not in this snapshot: 1 scaleTargetRef not checked",
        ], document.RootElement.GetProperty("notes").EnumerateArray().Select(static n => n.GetString()));
    }

    [Fact]
    public async Task The_same_references_are_reported_missing_once_their_types_are_in_the_snapshot()
    {
        using var cli = new CliRun();
        var folder = Directory.CreateDirectory(Path.Combine(cli.Root, "snapshot")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "objects.yaml"), RouteAndHpa);
        await File.WriteAllTextAsync(Path.Combine(folder, "other.yaml"), UnrelatedServiceAndDeployment);

        var result = await cli.RunAsync("analyze", "--snapshot", folder, "--filter", "HTTPRoute,HorizontalPodAutoscaler", "-o", "json");

        using var document = JsonDocument.Parse(result.Out);
        var texts = document.RootElement.GetProperty("results").EnumerateArray()
            .SelectMany(static r => r.GetProperty("error").EnumerateArray())
            .Select(static e => e.GetProperty("Text").GetString());
        Assert.Equal(
        [
            "HTTPRoute uses the Service 'shop/svc-missing' which does not exist.",
            "HorizontalPodAutoscaler uses Deployment/nope as ScaleTargetRef which does not exist.",
        ], texts);
        Assert.Equal(["[HTTPRoute] gateways.gateway.networking.k8s.io not in this snapshot: 1 parentRef not checked"],
            document.RootElement.GetProperty("notes").EnumerateArray().Select(static n => n.GetString()));
    }
}
