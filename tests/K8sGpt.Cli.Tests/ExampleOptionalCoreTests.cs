using System.Text.Json;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// The optional HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy, Storage and Security analyzers on the
/// bundled example (examples/broken-cluster/optional-workloads.yaml): exactly the problems listed in its
/// EXPECTED.md, and none of the healthy look-alikes beside them.
/// </summary>
public sealed class ExampleOptionalCoreTests
{
    private const string Filters = "HorizontalPodAutoscaler,PodDisruptionBudget,NetworkPolicy,Storage,Security";

    private static readonly (string Kind, string Name, string Text)[] s_expected =
    [
        ("HorizontalPodAutoscaler", "monitoring/log-agent", "HorizontalPodAutoscaler uses DaemonSet as ScaleTargetRef which is not an option."),
        ("HorizontalPodAutoscaler", "payments/payments-api", "HorizontalPodAutoscaler payments/payments-api has condition ScalingActive=False, reason FailedGetPodsMetric: the HPA was unable to compute the replica count: unable to get metric http_requests_per_second: no metrics returned from custom metrics API"),
        ("HorizontalPodAutoscaler", "shop/cart", "HorizontalPodAutoscaler shop/cart has condition ScalingLimited=True, reason TooManyReplicas: the desired replica count is more than the maximum replica count"),
        ("HorizontalPodAutoscaler", "shop/recommendations", "HorizontalPodAutoscaler uses Deployment/recommendation as ScaleTargetRef which does not exist."),
        ("NetworkPolicy", "payments/api-egress", "Network policy api-egress restricts egress and no egress rule of the namespace allows DNS (port 53 to kube-system) for pod(s) payments-api-8c5d7b6f4-9kqtw, payments-api-8c5d7b6f4-pm3xr"),
        ("NetworkPolicy", "shop/checkout-ingress", "Network policy is not applied to any pods: checkout-ingress"),
        ("PodDisruptionBudget", "data/postgres", "PodDisruptionBudget data/postgres has maxUnavailable 0, which blocks every voluntary eviction (node drains and upgrades will hang)"),
        ("PodDisruptionBudget", "payments/ledger", "PodDisruptionBudget payments/ledger does not match any pod (selector: app in (ledger))"),
        ("PodDisruptionBudget", "shop/cart", "PodDisruptionBudget shop/cart allows no disruption (InsufficientPods): 1 healthy pod(s), 2 required, 3 expected"),
        ("Security/ClusterRoleBinding", "ci-deployer-admin", "ClusterRoleBinding ci-deployer-admin grants ClusterRole cluster-admin with wildcard verbs, resources, apiGroups (*) cluster-wide to ServiceAccount shop/ci-deployer"),
        ("Security/RoleBinding", "payments/contractor-admin", "RoleBinding payments/contractor-admin grants ClusterRole cluster-admin with wildcard verbs, resources, apiGroups (*) to User contractor@example.com"),
        ("Storage/PersistentVolume", "pvc-3f7a9c2e-failed", "PersistentVolume pvc-3f7a9c2e-failed is in Failed state: error deleting volume: googleapi: Error 400: The disk resource is already being used by worker-2"),
        ("Storage/PersistentVolume", "pvc-8b1d4e6f-released", "PersistentVolume pvc-8b1d4e6f-released is Released with reclaim policy Delete but was not reclaimed"),
    ];

    private static readonly string[] s_healthyLookAlikes =
    [
        "shop/frontend", "shop/catalog-worker", "shop/checkout", "data/kafka", "shop/default-deny", "shop/allow-dns",
        "shop/frontend-ingress", "data/deny-egress", "local-disks", "local-worker-1-nvme0", "standard", "archive-nfs-0",
        "cluster-admin", "shop/pod-readers", "kube-system/metrics-server-admin", "shop/ci-deployer",
    ];

    [Fact]
    public async Task The_example_reports_exactly_the_expected_optional_problems()
    {
        var results = await RunAsync();

        Assert.Equal(s_expected, results);
    }

    [Fact]
    public async Task Healthy_look_alikes_in_the_example_are_not_reported_by_the_optional_analyzers()
    {
        var names = (await RunAsync()).Select(static r => r.Name).ToHashSet();

        Assert.All(s_healthyLookAlikes, name => Assert.DoesNotContain(name, names));
    }

    private static async Task<(string Kind, string Name, string Text)[]> RunAsync()
    {
        using var cli = new CliRun();
        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "--filter", Filters, "-o", "json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("errors").ValueKind);
        return document.RootElement.GetProperty("results").EnumerateArray()
            .SelectMany(static r => r.GetProperty("error").EnumerateArray().Select(e =>
                (r.GetProperty("kind").GetString()!, r.GetProperty("name").GetString()!, e.GetProperty("Text").GetString()!)))
            .ToArray();
    }

    /// <summary>The repository's examples folder, found by walking up from the test binaries to the solution.</summary>
    private static string ExamplePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8sGpt.slnx")))
            {
                directory = directory.Parent;
            }

            return directory is null
                ? throw new InvalidOperationException("K8sGpt.slnx not found above " + AppContext.BaseDirectory)
                : Path.Combine(directory.FullName, "examples", "broken-cluster");
        }
    }
}
