using System.Text.Json;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// The integration analyzers on the bundled example (examples/broken-cluster/optional-integrations.yaml): one
/// problem of each kind, as listed in EXPECTED.md ("Integrations"), and none of the healthy look-alikes.
/// </summary>
public sealed class ExampleIntegrationTests
{
    private const string Filters = "ScaledObject,PolicyReport,ClusterPolicyReport,VulnerabilityReport,ConfigAuditReport,EKS";

    private static readonly (string Kind, string Name, string Parent, string[] Texts)[] s_expected =
    [
        ("ClusterPolicyReport", "8d2e4f6a-1b3c-5d7e-9f1a-2b3c4d5e6f01", "Namespace/data",
            ["policy failure: require-namespace-owner/check-owner (high) on Namespace data: validation error: Namespaces must carry an owner label. rule check-owner failed at path /metadata/labels/owner/"]),
        ("ConfigAuditReport", "payments/replicaset-payments-api-8c5d7b6f4", "Deployment/payments-api",
            ["high config audit check KSV017 (Privileged container) failed on ReplicaSet payments/payments-api-8c5d7b6f4: Container 'api' of ReplicaSet 'payments-api-8c5d7b6f4' should set 'securityContext.privileged' to false"]),
        ("EKS", "shop-prod/nodegroup/gpu", "",
            ["The managed node group gpu of EKS cluster shop-prod (eu-west-1) is DEGRADED: AsgInstanceLaunchFailures: Could not launch On-Demand Instances. InsufficientInstanceCapacity - We currently do not have sufficient g5.xlarge capacity in the Availability Zone you requested (eu-west-1c). (resources: eks-gpu-20261112100000000000000001)"]),
        ("PolicyReport", "shop/7944db8f-2fc4-5599-859b-638a1c370ef5", "Deployment/cart",
            ["policy failure: require-requests-limits/require-cpu-limit (medium) on Deployment shop/cart: validation error: Containers must set resources.limits.cpu. rule require-cpu-limit failed at path /spec/template/spec/containers/0/resources/limits/cpu/"]),
        ("ScaledObject", "payments/invoice-worker", "",
            [
                "ScaledObject uses Deployment/invoice-worker as ScaleTargetRef which does not exist.",
                "ScaledObject invoice-worker is not ready: ScaledObjectCheckFailed: ScaledObject doesn't have correct scaleTargetRef specification",
            ]),
        ("VulnerabilityReport", "shop/replicaset-frontend-6b7d9c5f8d-frontend", "Deployment/frontend",
            ["2 critical vulnerabilities in image registry.example.com/shop/frontend:3.2.1 of ReplicaSet shop/frontend-6b7d9c5f8d (container frontend): CVE-2025-15467, CVE-2025-10148"]),
    ];

    private static readonly string[] s_healthyLookAlikes =
    [
        "shop/frontend", "data/analytics", "payments/27b9cea3-216b-50af-a044-f5be82d9889c", "8d2e4f6a-1b3c-5d7e-9f1a-2b3c4d5e6f02",
        "monitoring/replicaset-grafana-7d5b8c9f6-grafana", "shop/replicaset-frontend-6b7d9c5f8d",
        "shop-prod", "shop-prod/nodegroup/general", "shop-prod/addon/coredns", "shop-prod/addon/vpc-cni",
    ];

    [Fact]
    public async Task Integration_filters_report_exactly_one_problem_of_each_kind_with_its_texts()
    {
        var results = await AnalyzeAsync("--filter", Filters);

        Assert.Equal(s_expected.Select(static e => (e.Kind, e.Name, e.Parent)), results.Select(static r => (r.Kind, r.Name, r.Parent)));
        Assert.Equal(s_expected.Select(static e => e.Texts), results.Select(static r => r.Texts));
    }

    [Fact]
    public async Task Healthy_look_alikes_are_not_reported()
    {
        var results = await AnalyzeAsync("--filter", Filters);

        var names = results.Select(static r => r.Name).ToHashSet();
        Assert.All(s_healthyLookAlikes, name => Assert.DoesNotContain(name, names));
    }

    [Fact]
    public async Task Default_analysis_does_not_run_the_integration_analyzers()
    {
        var results = await AnalyzeAsync();

        Assert.Equal(46, results.Count);
        Assert.DoesNotContain(results, static r => s_expected.Any(e => e.Kind == r.Kind));
    }

    private static async Task<IReadOnlyList<(string Kind, string Name, string Parent, string[] Texts)>> AnalyzeAsync(params string[] args)
    {
        using var cli = new CliRun();
        var result = await cli.RunAsync(["analyze", "--snapshot", ExamplePath, "-o", "json", .. args]);
        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("errors").ValueKind);
        return document.RootElement.GetProperty("results").EnumerateArray()
            .Select(static r => (
                r.GetProperty("kind").GetString()!,
                r.GetProperty("name").GetString()!,
                r.GetProperty("parentObject").GetString()!,
                r.GetProperty("error").EnumerateArray().Select(static e => e.GetProperty("Text").GetString()!).ToArray()))
            .ToArray();
    }

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
