using System.Text.Json;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// The README's main command on the bundled example (examples/broken-cluster): exactly the problems listed in
/// its EXPECTED.md, and none of the healthy look-alikes beside them.
/// </summary>
public sealed class ExampleSnapshotTests
{
    private static readonly (string Kind, string Name, string Parent)[] s_expected =
    [
        ("ConfigMap", "shop/feature-flags", ""),
        ("ConfigMap", "shop/legacy-banner", ""),
        ("CronJob", "data/backup", ""),
        ("CronJob", "data/compaction", ""),
        ("CronJob", "monitoring/cleanup", ""),
        ("DaemonSet", "monitoring/log-agent", ""),
        ("DaemonSet", "monitoring/node-exporter", ""),
        ("Deployment", "data/analytics", ""),
        ("Deployment", "payments/ledger-reconciler", ""),
        ("Deployment", "payments/payments-policy-webhook", ""),
        ("Deployment", "shop/cart", ""),
        ("Deployment", "shop/order-processor", ""),
        ("Deployment", "shop/recommendations", ""),
        ("Ingress", "shop/admin", ""),
        ("Ingress", "shop/api", ""),
        ("Ingress", "shop/legacy", ""),
        ("Ingress", "shop/promo", ""),
        ("Job", "data/backup-29931960", "CronJob/backup"),
        ("Job", "data/backup-29933400", "CronJob/backup"),
        ("Job", "payments/settlement-export", ""),
        ("MutatingWebhookConfiguration", "payments-defaults/defaults.payments.example.com", ""),
        ("Node", "worker-3", ""),
        ("Node", "worker-4", ""),
        ("PersistentVolumeClaim", "data/data-search-0", ""),
        ("PersistentVolumeClaim", "data/uploads", ""),
        ("Pod", "data/analytics-5d6c8f7b9-6mkzg", "Deployment/analytics"),
        ("Pod", "data/kafka-1", "StatefulSet/kafka"),
        ("Pod", "data/pgdump-manual", ""),
        ("Pod", "data/search-0", "StatefulSet/search"),
        ("Pod", "kube-system/metrics-server-7f9c6b8d5-8vjxq", "Deployment/metrics-server"),
        ("Pod", "payments/ledger-reconciler-75f4c9d8b6-h6tcs", "Deployment/ledger-reconciler"),
        ("Pod", "payments/payments-api-8c5d7b6f4-pm3xr", "Deployment/payments-api"),
        ("Pod", "payments/payments-policy-webhook-6f8b9c7d5c-d2xlp", "Deployment/payments-policy-webhook"),
        ("Pod", "shop/cart-5f7b9d8c4-l7mzp", "Deployment/cart"),
        ("Pod", "shop/cart-5f7b9d8c4-w4qnb", "Deployment/cart"),
        ("Pod", "shop/order-processor-6d4c8b7f9-zj4vx", "Deployment/order-processor"),
        ("ReplicaSet", "shop/recommendations-59d8f7c6b4", "Deployment/recommendations"),
        ("Service", "data/search", ""),
        ("Service", "payments/payments-gateway", ""),
        ("Service", "payments/payments-policy-webhook", ""),
        ("Service", "payments/payments-public", ""),
        ("Service", "shop/cart", ""),
        ("StatefulSet", "data/cache", ""),
        ("StatefulSet", "data/kafka", ""),
        ("StatefulSet", "data/search", ""),
        ("ValidatingWebhookConfiguration", "payments-policy/validate.payments.example.com", "")
    ];

    private static readonly string[] s_healthyLookAlikes =
    [
        "payments/invoice-reindex-7hq2m", "payments/reconcile-batch-p5n2w", "monitoring/node-exporter-s8pvc",
        "shop/catalog-worker", "kube-system/metrics-server", "default/kubernetes", "monitoring/alerts-relay",
        "data/kafka-headless", "data/scratch", "data/data-archive-0", "shop/storefront", "monitoring/grafana",
        "data/postgres", "data/archive", "monitoring/metrics-buffer", "data/vacuum", "payments/nightly-settlement",
        "payments/invoice-reindex", "payments/reconcile-batch", "cp-1", "worker-1", "worker-2", "monitoring/promtail",
        "sidecar-injector/inject.sidecar.example.com", "policy-controller/validate.policy.example.com",
        "default/kube-root-ca.crt", "shop/catalog-worker-config", "payments/payments-api-config",
    ];

    [Fact]
    public async Task The_example_reports_exactly_the_expected_problems_with_their_parents()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "-o", "json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("errors").ValueKind);
        Assert.Equal("ProblemDetected", root.GetProperty("status").GetString());
        var actual = root.GetProperty("results").EnumerateArray()
            .Select(static r => (r.GetProperty("kind").GetString()!, r.GetProperty("name").GetString()!, r.GetProperty("parentObject").GetString()!))
            .ToArray();
        Assert.Equal(s_expected, actual);
    }

    [Fact]
    public async Task Healthy_look_alikes_in_the_example_are_not_reported()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "-o", "json");

        using var document = JsonDocument.Parse(result.Out);
        var names = document.RootElement.GetProperty("results").EnumerateArray().Select(static r => r.GetProperty("name").GetString()).ToHashSet();
        Assert.All(s_healthyLookAlikes, name => Assert.DoesNotContain(name, names));
    }

    [Fact]
    public async Task The_example_can_be_failed_on_in_CI()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "--fail-on-problems");

        Assert.Equal(3, result.Exit);
        Assert.StartsWith("AI Provider: AI not used; --explain not set", result.Out, StringComparison.Ordinal);
        Assert.Contains("45: ValidatingWebhookConfiguration payments-policy/validate.payments.example.com()", result.Out, StringComparison.Ordinal);
    }

    /// <summary>The repository's examples folder, found by walking up from the test binaries to the solution.</summary>
    internal static string ExamplePath
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
