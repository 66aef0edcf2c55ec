using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Tests;

/// <summary><c>k8sgpt integration</c> against the fake API server: discovery only, config edits, exit codes.</summary>
public sealed class IntegrationCommandTests
{
    private static readonly string[] s_core =
    [
        "ConfigMap", "CronJob", "DaemonSet", "Deployment", "Ingress", "Job", "MutatingWebhookConfiguration", "Node",
        "PersistentVolumeClaim", "Pod", "ReplicaSet", "Service", "StatefulSet", "ValidatingWebhookConfiguration",
    ];

    [Fact]
    public async Task Activate_keda_against_a_cluster_without_keda_says_what_is_missing_and_how_to_install_it()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        harness.Server.Unserve("keda.sh/v1alpha1");

        var (exit, stdout, err) = await harness.RunAsync("integration", "activate", "keda", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("integration keda was not activated: the cluster does not serve ScaledObject (scaledobjects.keda.sh, keda.sh/v1alpha1).", err, StringComparison.Ordinal);
        Assert.Contains("helm install keda kedacore/keda --namespace keda --create-namespace", err, StringComparison.Ordinal);
        Assert.Contains("--force", err, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.ConfigPath));
    }

    [Fact]
    public async Task Activate_keda_against_a_cluster_with_keda_adds_ScaledObject_after_the_core_analyzers()
    {
        await using var harness = await LiveCliHarness.StartAsync("");

        var (exit, stdout, err) = await harness.RunAsync("integration", "activate", "KEDA", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(0, exit);
        Assert.Empty(err);
        Assert.Equal("Integration keda activated: ScaledObject added to active_filters\n", stdout);
        Assert.Equal([.. s_core, "ScaledObject"], ActiveFilters(harness));
    }

    [Fact]
    public async Task Activation_only_reads_discovery_and_never_lists_or_writes()
    {
        await using var harness = await LiveCliHarness.StartAsync("");

        await harness.RunAsync("integration", "activate", "trivy", "--kubeconfig", harness.KubeConfig);

        var requests = harness.Server.Requests.All;
        Assert.NotEmpty(requests);
        Assert.All(requests, static r => Assert.Equal("GET", r.Method));
        Assert.DoesNotContain(requests, static r => r.Path.EndsWith("reports", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Activate_with_force_activates_although_the_resources_are_missing()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        harness.Server.Unserve("keda.sh/v1alpha1");

        var (exit, stdout, _) = await harness.RunAsync("integration", "activate", "keda", "--force", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(0, exit);
        Assert.Contains("ScaledObject", ActiveFilters(harness));
        Assert.Contains("Note: custom resources not checked (--force); while the cluster lacks them these analyzers are skipped with a note. To install KEDA: helm repo add kedacore", stdout, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests.All);
    }

    [Fact]
    public async Task Filters_add_of_an_analyzer_of_an_active_integration_says_it_is_already_active()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Pod, ScaledObject]\n");

        var (exit, _, err) = await harness.RunAsync("filters", "add", "ScaledObject");

        Assert.Equal(1, exit);
        Assert.Contains("filter(s) already active: ScaledObject", err, StringComparison.Ordinal);
        Assert.DoesNotContain("integration activate", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_add_of_an_integration_analyzer_names_the_integration_to_activate()
    {
        await using var harness = await LiveCliHarness.StartAsync("");

        var (exit, _, err) = await harness.RunAsync("filters", "add", "ScaledObject,EKS");

        Assert.Equal(1, exit);
        Assert.Contains("filter(s) ScaledObject, EKS belong to the keda and aws integrations: activate them with k8sgpt integration activate keda and k8sgpt integration activate aws", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_keeps_an_existing_active_filters_list_and_its_order()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Service, Pod]\n");

        await harness.RunAsync("integration", "activate", "kyverno", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(["Pod", "Service", "ClusterPolicyReport", "PolicyReport"], ActiveFilters(harness));
    }

    [Fact]
    public async Task Activate_against_an_unreachable_cluster_exits_2_and_points_to_force()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        var kubeconfig = harness.PathOf("down");
        await File.WriteAllTextAsync(kubeconfig, harness.Server.KubeConfigYaml(server: $"http://127.0.0.1:{DumpCommandTests.FreePort()}"));

        var (exit, _, err) = await harness.RunAsync("integration", "activate", "keda", "--kubeconfig", kubeconfig);

        Assert.Equal(2, exit);
        Assert.Contains("cannot reach the Kubernetes API server", err, StringComparison.Ordinal);
        Assert.Contains("pass --force to activate it without checking", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_prometheus_adds_the_validator_but_not_the_informational_relabel_report()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Pod]\n");

        var (exit, stdout, _) = await harness.RunAsync("integration", "activate", "prometheus", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(0, exit);
        Assert.Equal(
            "Integration prometheus activated: PrometheusConfigValidate added to active_filters\n"
            + "Note: nothing is checked now: at analysis time the analyzer reads the configuration of Prometheus pods labelled app=prometheus or app.kubernetes.io/name=prometheus\n",
            stdout);
        Assert.Equal(["Pod", "PrometheusConfigValidate"], ActiveFilters(harness));
    }

    [Fact]
    public async Task Activate_of_an_unknown_integration_exits_1_listing_the_known_ones()
    {
        await using var harness = await LiveCliHarness.StartAsync("");

        var (exit, _, err) = await harness.RunAsync("integration", "activate", "istio", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(1, exit);
        Assert.Contains("integration \"istio\" does not exist. Integrations: ", err, StringComparison.Ordinal);
        Assert.Contains("keda", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_removes_the_integration_analyzers_and_keeps_the_rest()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Pod, PolicyReport, ClusterPolicyReport, ScaledObject]\n");

        var (exit, stdout, _) = await harness.RunAsync("integrations", "deactivate", "kyverno");

        Assert.Equal(0, exit);
        Assert.Equal("Integration kyverno deactivated: PolicyReport, ClusterPolicyReport removed from active_filters\n", stdout);
        Assert.Equal(["Pod", "ScaledObject"], ActiveFilters(harness));
    }

    [Fact]
    public async Task Deactivate_of_an_inactive_integration_exits_1()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Pod]\n");

        var (exit, _, err) = await harness.RunAsync("integration", "deactivate", "keda");

        Assert.Equal(1, exit);
        Assert.Contains("integration keda is not active", err, StringComparison.Ordinal);
        Assert.Equal(["Pod"], ActiveFilters(harness));
    }

    [Fact]
    public async Task List_shows_active_and_unused_integrations_with_their_custom_resources()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        harness.Server.Unserve("keda.sh/v1alpha1");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Pod, VulnerabilityReport]\n");

        var (exit, stdout, err) = await harness.RunAsync("integration", "list", "--kubeconfig", harness.KubeConfig);

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var lines = stdout.Split('\n');
        Assert.Equal("Active:", lines[0]);
        Assert.Equal("> trivy: VulnerabilityReport, ConfigAuditReport (custom resources: vulnerabilityreports.aquasecurity.github.io installed, configauditreports.aquasecurity.github.io installed)", lines[1]);
        Assert.Equal("Unused:", lines[2]);
        Assert.Contains("> keda: ScaledObject (custom resources: scaledobjects.keda.sh missing)", lines);
        Assert.Contains("> kyverno: PolicyReport, ClusterPolicyReport (custom resources: policyreports.wgpolicyk8s.io installed, clusterpolicyreports.wgpolicyk8s.io installed)", lines);
    }

    [Fact]
    public async Task List_without_a_reachable_cluster_still_lists_and_warns()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        var kubeconfig = harness.PathOf("down");
        await File.WriteAllTextAsync(kubeconfig, harness.Server.KubeConfigYaml(server: $"http://127.0.0.1:{DumpCommandTests.FreePort()}"));

        var (exit, stdout, err) = await harness.RunAsync("integration", "list", "--kubeconfig", kubeconfig);

        Assert.Equal(0, exit);
        Assert.Contains("Warning: custom resources not checked", err, StringComparison.Ordinal);
        Assert.Contains("> keda: ScaledObject (custom resources: scaledobjects.keda.sh not checked)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_with_a_dump_that_recorded_the_api_as_not_served_refuses_without_contacting_a_cluster()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        var dump = harness.PathOf("dump.yaml");
        await File.WriteAllTextAsync(dump, """
            apiVersion: k8sgpt.ai/v1
            kind: K8sGptSnapshot
            metadata: {name: snapshot}
            resources:
            - {group: keda.sh, version: v1alpha1, kind: ScaledObject, resource: scaledobjects, state: NotServed, detail: ""}
            """);

        var (exit, _, err) = await harness.RunAsync("integration", "activate", "keda", "--snapshot", dump);

        Assert.Equal(1, exit);
        Assert.Contains("the cluster does not serve ScaledObject (scaledobjects.keda.sh, keda.sh/v1alpha1)", err, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests.All);
    }

    [Fact]
    public async Task List_with_a_snapshot_uses_the_custom_resources_found_in_it()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        var file = harness.PathOf("crs.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {name: web}}\n");

        var (exit, stdout, _) = await harness.RunAsync("integration", "list", "--snapshot", file);

        Assert.Equal(0, exit);
        Assert.Contains("> keda: ScaledObject (custom resources: scaledobjects.keda.sh installed)", stdout, StringComparison.Ordinal);
        Assert.Contains("> trivy: VulnerabilityReport, ConfigAuditReport (custom resources: vulnerabilityreports.aquasecurity.github.io not checked, configauditreports.aquasecurity.github.io not checked)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_list_shows_inactive_integration_analyzers_with_the_command_that_activates_them()
    {
        await using var harness = await LiveCliHarness.StartAsync("");
        await File.WriteAllTextAsync(harness.ConfigPath, "active_filters: [Pod, ScaledObject]\n");

        var (exit, stdout, _) = await harness.RunAsync("filters", "list");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        Assert.Equal(["Active:", "> Pod", "> ScaledObject (integration)", "Unused:"], lines[..4]);
        Assert.Contains("> PolicyReport (integration: k8sgpt integration activate kyverno)", lines);
        Assert.Contains("> VulnerabilityReport (integration: k8sgpt integration activate trivy)", lines);
        Assert.DoesNotContain("> ScaledObject (integration: k8sgpt integration activate keda)", lines);
    }

    private static IReadOnlyList<string> ActiveFilters(LiveCliHarness harness) => new ConfigStore(harness.ConfigPath).Load().ActiveFilters;
}
