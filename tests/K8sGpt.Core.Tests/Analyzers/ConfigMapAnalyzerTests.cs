using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class ConfigMapAnalyzerTests
{
    private static readonly string s_podsLoaded = Header(("", "Pod", "pods", "Loaded"));

    private static string ConfigMap(string name, string ns = "shop", string extraMeta = "", string data = "data:\n  app.properties: |\n    color=blue") => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          namespace: {ns}
          uid: c0f1a2b3-{name.Length:0000}-4c5d-8e9f-0a1b2c3d4e5f
          resourceVersion: "1201"
          creationTimestamp: "2026-11-01T09:00:00Z"
        {extraMeta}
        {data}
        ---

        """;

    private static string PodUsing(string podSpec, string ns = "shop") => $"""
        apiVersion: v1
        kind: Pod
        metadata: {"{"}name: web-1, namespace: {ns}{"}"}
        spec:
        {podSpec}
        status: {"{phase: Running}"}
        ---

        """;

    private static ConfigMapAnalyzer Analyzer => new();

    [Fact]
    public void Unused_config_map_is_reported()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(Analyzer, s_podsLoaded + ConfigMap("web-config")));

        Assert.Equal("ConfigMap", finding.Kind);
        Assert.Equal("shop/web-config", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("ConfigMapUnused", failure.Code);
        Assert.Equal("ConfigMap web-config is not used by any pods in the namespace", failure.Text);
        Assert.Equal(["shop", "web-config"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Config_map_is_not_reported_unused_when_pods_could_not_be_read()
    {
        var yaml = Header(("", "Pod", "pods", "Forbidden")) + ConfigMap("web-config");

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Fact]
    public void Config_map_is_not_reported_unused_when_a_workload_read_failed()
    {
        var yaml = Header(("", "Pod", "pods", "Loaded"), ("apps", "Deployment", "deployments", "Forbidden")) + ConfigMap("web-config");

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Theory]
    [InlineData("  volumes:\n  - name: config\n    configMap: {name: web-config, defaultMode: 420}\n  containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("  volumes:\n  - name: all\n    projected:\n      sources:\n      - secret: {name: other}\n      - configMap: {name: web-config, items: [{key: app.properties, path: app.properties}]}\n  containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("  containers:\n  - name: web\n    image: nginx:1.29\n    envFrom:\n    - configMapRef: {name: web-config}")]
    [InlineData("  containers:\n  - name: web\n    image: nginx:1.29\n    env:\n    - name: COLOR\n      valueFrom: {configMapKeyRef: {name: web-config, key: color}}")]
    [InlineData("  initContainers:\n  - name: init\n    image: busybox:1.37\n    envFrom: [{configMapRef: {name: web-config}}]\n  containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("  containers: [{name: web, image: nginx:1.29}]\n  ephemeralContainers:\n  - name: debugger\n    image: busybox:1.37\n    env: [{name: C, valueFrom: {configMapKeyRef: {name: web-config, key: color}}}]")]
    public void Config_map_used_by_a_pod_is_not_reported(string podSpec)
    {
        var yaml = ConfigMap("web-config") + PodUsing(podSpec);

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Fact]
    public void Usage_is_keyed_by_namespace_and_name()
    {
        var yaml = ConfigMap("web-config") + PodUsing("  volumes: [{name: c, configMap: {name: web-config}}]\n  containers: [{name: web, image: nginx:1.29}]", ns: "other");

        Assert.Equal(["ConfigMap web-config is not used by any pods in the namespace"], Texts(SnapshotFixtures.Analyze(Analyzer, yaml)));
    }

    [Theory]
    [InlineData("apps/v1", "Deployment", "spec:\n  replicas: 0\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx:1.29, envFrom: [{configMapRef: {name: web-config}}]}]")]
    [InlineData("apps/v1", "ReplicaSet", "spec:\n  replicas: 0\n  selector: {matchLabels: {app: web}}\n  template:\n    spec:\n      volumes: [{name: c, configMap: {name: web-config}}]\n      containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("apps/v1", "StatefulSet", "spec:\n  serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    spec:\n      volumes: [{name: c, configMap: {name: web-config}}]\n      containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("apps/v1", "DaemonSet", "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    spec:\n      volumes: [{name: c, configMap: {name: web-config}}]\n      containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("batch/v1", "Job", "spec:\n  template:\n    spec:\n      restartPolicy: Never\n      volumes: [{name: c, configMap: {name: web-config}}]\n      containers: [{name: web, image: nginx:1.29}]")]
    [InlineData("batch/v1", "CronJob", "spec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: backup, image: busybox:1.37, env: [{name: C, valueFrom: {configMapKeyRef: {name: web-config, key: c}}}]}]")]
    public void Config_map_used_by_a_workload_template_is_not_reported(string apiVersion, string kind, string body)
    {
        var workload = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: web, namespace: shop}}\n{body}\n";
        var yaml = s_podsLoaded + ConfigMap("web-config") + workload;

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Theory]
    [InlineData("  labels: {grafana_dashboard: \"1\"}")]
    [InlineData("  labels: {grafana_datasource: \"1\"}")]
    [InlineData("  labels: {prometheus_rule: \"\"}")]
    [InlineData("  labels: {fluentd_config: \"yes\"}")]
    [InlineData("  labels: {k8sgpt.ai/dynamically-loaded: \"true\"}")]
    [InlineData("  annotations: {k8sgpt.ai/skip-usage-check: \"true\"}")]
    public void Config_map_marked_as_loaded_through_the_api_is_not_reported_unused(string meta)
    {
        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, s_podsLoaded + ConfigMap("dashboards", extraMeta: meta)));
    }

    [Fact]
    public void Root_ca_bundle_is_not_reported_in_a_namespace_without_pods()
    {
        var yaml = s_podsLoaded + ConfigMap("kube-root-ca.crt", data: "data:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----");

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Theory]
    [InlineData("extension-apiserver-authentication", "kube-system")]
    [InlineData("kubeadm-config", "kube-system")]
    [InlineData("kubelet-config", "kube-system")]
    [InlineData("kube-proxy", "kube-system")]
    [InlineData("coredns", "kube-system")]
    [InlineData("cluster-info", "kube-public")]
    public void Well_known_control_plane_config_maps_are_not_reported(string name, string ns)
    {
        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, s_podsLoaded + ConfigMap(name, ns)));
    }

    [Fact]
    public void Control_plane_names_outside_the_system_namespaces_are_judged_normally()
    {
        Assert.Equal("ConfigMapUnused", Assert.Single(Codes(SnapshotFixtures.Analyze(Analyzer, s_podsLoaded + ConfigMap("coredns", "shop")))));
    }

    [Fact]
    public void Leader_election_lock_is_neither_unused_nor_empty()
    {
        var meta = "  annotations:\n    control-plane.alpha.kubernetes.io/leader: '{\"holderIdentity\":\"ctrl-1\",\"leaseDurationSeconds\":15}'";

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, s_podsLoaded + ConfigMap("operator-lock", extraMeta: meta, data: "")));
    }

    [Fact]
    public void Empty_config_map_is_reported()
    {
        var yaml = ConfigMap("web-config", data: "") + PodUsing("  volumes: [{name: c, configMap: {name: web-config}}]\n  containers: [{name: web, image: nginx:1.29}]");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(Analyzer, yaml)).Failures);

        Assert.Equal("ConfigMapEmpty", failure.Code);
        Assert.Equal("ConfigMap web-config is empty", failure.Text);
    }

    [Fact]
    public void Config_map_with_only_binary_data_is_not_empty()
    {
        var yaml = ConfigMap("web-config", data: "binaryData:\n  logo.png: iVBORw0KGgo=") + PodUsing("  volumes: [{name: c, configMap: {name: web-config}}]\n  containers: [{name: web, image: nginx:1.29}]");

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Fact]
    public void Config_map_larger_than_one_mebibyte_is_reported()
    {
        var big = new string('x', 1024 * 1024);
        var yaml = ConfigMap("web-config", data: $"data:\n  a: \"{big}\"\n  b: \"yz\"") + PodUsing("  volumes: [{name: c, configMap: {name: web-config}}]\n  containers: [{name: web, image: nginx:1.29}]");

        Assert.Equal(["ConfigMap web-config is larger than 1MB (1048578 bytes)"], Texts(SnapshotFixtures.Analyze(Analyzer, yaml)));
    }

    [Fact]
    public void Config_map_of_exactly_one_mebibyte_is_not_too_large()
    {
        var big = new string('x', 1024 * 1024);
        var yaml = ConfigMap("web-config", data: $"data:\n  a: \"{big}\"") + PodUsing("  volumes: [{name: c, configMap: {name: web-config}}]\n  containers: [{name: web, image: nginx:1.29}]");

        Assert.Empty(SnapshotFixtures.Analyze(Analyzer, yaml));
    }

    [Fact]
    public void Pods_and_workloads_with_missing_fields_do_not_throw()
    {
        var yaml = ConfigMap("web-config") + """
            apiVersion: v1
            kind: Pod
            metadata: {name: bare, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: odd, namespace: shop}
            spec:
              volumes: [{name: empty}, {name: p, projected: {}}]
              containers: [{name: c, env: [{name: X}], envFrom: [{prefix: Y}]}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: cj, namespace: shop}
            spec: {schedule: "* * * * *"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d, namespace: shop}
            """;

        Assert.Equal(["ConfigMap web-config is not used by any pods in the namespace"], Texts(SnapshotFixtures.Analyze(Analyzer, yaml)));
    }
}
