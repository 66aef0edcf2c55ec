using System.IO.Compression;
using System.Text;
using K8sGpt.Core.Integrations.Prometheus;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers.Integrations;

public sealed class PrometheusAnalyzerTests
{
    private const string Valid = """
        global: {scrape_interval: 30s, evaluation_interval: 1m}
        scrape_configs:
          - job_name: kubernetes-pods
            kubernetes_sd_configs: [{role: pod}]
            relabel_configs:
              - {source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape], action: keep, regex: 'true'}
              - {source_labels: [__meta_kubernetes_namespace], target_label: namespace}
          - job_name: self
            static_configs: [{targets: ['localhost:9090']}]
        """;

    private static string Pod(string name = "prometheus-0", string labels = "{app: prometheus}", string args = "['--config.file=/etc/prometheus/prometheus.yml']", string volume = "{name: config, configMap: {name: prometheus-config}}") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: monitoring, labels: {{labels}}}
        spec:
          containers:
          - name: prometheus
            image: quay.io/prometheus/prometheus:v3.6.0
            args: {{args}}
            volumeMounts: [{name: config, mountPath: /etc/prometheus}]
          volumes: [{{volume}}]
        ---

        """;

    private static string ConfigMap(string config, string key = "prometheus.yml") =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: prometheus-config, namespace: monitoring}}\ndata:\n  {key}: |\n"
        + string.Concat(config.Split('\n').Select(static l => "    " + l + "\n"));

    private static IReadOnlyList<string> Validate(string yaml) => ReadStates.Texts(SnapshotFixtures.Analyze(new PrometheusConfigValidateAnalyzer(), yaml));

    [Fact]
    public void Valid_configuration_from_a_ConfigMap_is_healthy()
    {
        Assert.Empty(Validate(Pod() + ConfigMap(Valid)));
    }

    [Fact]
    public void Configuration_without_scrape_configs_is_reported()
    {
        Assert.Equal(["no scrape configurations. Prometheus will not scrape any metrics."], Validate(Pod() + ConfigMap("global: {scrape_interval: 30s}")));
    }

    [Fact]
    public void Duplicate_job_names_bad_actions_and_bad_regexes_are_reported()
    {
        const string config = """
            scrape_configs:
              - job_name: a
                relabel_configs:
                  - {action: keeep, source_labels: [x]}
                  - {action: replace, regex: '(unclosed'}
              - job_name: a
            """;

        Assert.Equal(
            [
                "error validating Prometheus YAML configuration: found multiple scrape configs with job name \"a\"",
                "error validating Prometheus YAML configuration: job \"a\" relabel_configs[0]: unknown relabel action \"keeep\"",
                "error validating Prometheus YAML configuration: job \"a\" relabel_configs[1]: relabel configuration for replace action requires 'target_label' value",
            ],
            Validate(Pod() + ConfigMap(config)).Where(static t => !t.Contains("does not compile", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(Validate(Pod() + ConfigMap(config)), static t => t.StartsWith("error validating Prometheus YAML configuration: job \"a\" relabel_configs[1]: regex \"(unclosed\" does not compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_regex_is_reported_at_its_0_based_index_as_written_with_a_plain_reason()
    {
        const string config = """
            scrape_configs:
              - job_name: a
                relabel_configs:
                  - {source_labels: [x], target_label: y, regex: '('}
            """;

        Assert.Equal(
            ["error validating Prometheus YAML configuration: job \"a\" relabel_configs[0]: regex \"(\" does not compile: insufficient closing parentheses at position 1"],
            Validate(Pod() + ConfigMap(config)));
    }

    [Fact]
    public void Regex_errors_are_found_even_where_anchoring_would_hide_them_and_positions_are_the_users()
    {
        const string config = """
            scrape_configs:
              - job_name: a
                metric_relabel_configs:
                  - {action: drop, source_labels: [x], regex: 'a)(b'}
            """;

        Assert.Equal(
            ["error validating Prometheus YAML configuration: job \"a\" metric_relabel_configs[0]: regex \"a)(b\" does not compile: insufficient opening parentheses at position 2"],
            Validate(Pod() + ConfigMap(config)));
    }

    [Fact]
    public void Scrape_config_indices_are_0_based()
    {
        Assert.Equal(
            ["error validating Prometheus YAML configuration: scrape_configs[1] has no job_name"],
            Validate(Pod() + ConfigMap("scrape_configs:\n  - job_name: a\n  - scrape_interval: 1m")));
    }

    [Fact]
    public void Unknown_top_level_field_and_bad_duration_are_reported()
    {
        Assert.Equal(
            [
                "error validating Prometheus YAML configuration: unknown top-level field \"scrape_config\"",
                "error validating Prometheus YAML configuration: global.scrape_interval: \"30 seconds\" is not a valid duration",
                "no scrape configurations. Prometheus will not scrape any metrics.",
            ],
            Validate(Pod() + ConfigMap("global: {scrape_interval: 30 seconds}\nscrape_config: []")));
    }

    [Fact]
    public void Invalid_yaml_is_reported_on_the_pod()
    {
        var findings = SnapshotFixtures.Analyze(new PrometheusConfigValidateAnalyzer(), Pod() + ConfigMap("scrape_configs: [\n  - job_name: x"));

        var finding = Assert.Single(findings);
        Assert.Equal("monitoring/prometheus-0", finding.Name);
        Assert.StartsWith("error validating Prometheus YAML configuration: invalid YAML at line", Assert.Single(finding.Failures).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzipped_binaryData_is_read()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("global: {}\n"));
        }

        var configMap = $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: prometheus-config, namespace: monitoring}}\nbinaryData:\n  prometheus.yml: {Convert.ToBase64String(buffer.ToArray())}\n";

        Assert.Equal(["no scrape configurations. Prometheus will not scrape any metrics."], Validate(Pod() + configMap));
    }

    [Fact]
    public void Missing_ConfigMap_is_a_per_pod_failure_and_other_pods_are_still_checked()
    {
        var other = Pod(name: "prometheus-b", volume: "{name: config, configMap: {name: other-config}}");
        var otherConfig = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other-config, namespace: monitoring}\ndata:\n  prometheus.yml: 'global: {}'\n---\n";

        var findings = SnapshotFixtures.Analyze(new PrometheusConfigValidateAnalyzer(), ReadStates.Header(("", "ConfigMap", "configmaps", "Loaded")) + Pod() + other + otherConfig);

        Assert.Equal(["monitoring/prometheus-0", "monitoring/prometheus-b"], findings.Select(static f => f.Name));
        Assert.Equal("error reading Prometheus configuration: ConfigMap prometheus-config holding the configuration file /etc/prometheus/prometheus.yml does not exist", findings[0].Failures[0].Text);
        Assert.Equal("no scrape configurations. Prometheus will not scrape any metrics.", findings[1].Failures[0].Text);
    }

    [Fact]
    public void Failures_mark_the_pod_its_containers_config_sources_and_job_names_sensitive()
    {
        var missing = SnapshotFixtures.Analyze(new PrometheusConfigValidateAnalyzer(), ReadStates.Header(("", "ConfigMap", "configmaps", "Loaded")) + Pod());
        var invalid = SnapshotFixtures.Analyze(new PrometheusConfigValidateAnalyzer(), Pod() + ConfigMap("scrape_configs:\n  - job_name: payments-api\n  - job_name: payments-api"));

        string[] pod = ["monitoring", "prometheus-0", "prometheus", "prometheus-config"];
        Assert.Equal(pod, Assert.Single(Assert.Single(missing).Failures).Sensitive.Select(static s => s.Unmasked));
        Assert.Equal([.. pod, "payments-api"], Assert.Single(Assert.Single(invalid).Failures).Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Relabel_report_marks_the_job_watched_namespaces_and_api_server_host_sensitive()
    {
        var config = Valid.Replace(
            "kubernetes_sd_configs: [{role: pod}]",
            "kubernetes_sd_configs: [{role: pod, api_server: 'https://k8s.internal.example.com:6443', namespaces: {names: [payments, shop]}}]",
            StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PrometheusConfigRelabelReportAnalyzer(), Pod() + ConfigMap(config))).Failures);

        Assert.Equal(
            ["monitoring", "prometheus-0", "kubernetes-pods", "payments", "shop", "k8s.internal.example.com"],
            failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Mount_path_must_be_a_directory_prefix_not_a_string_prefix()
    {
        var pod = Pod(args: "['--config.file=/etc/prometheus-extra/prometheus.yml']");

        Assert.Equal(["error reading Prometheus configuration: the configuration file /etc/prometheus-extra/prometheus.yml (container prometheus) is on no mounted volume"], Validate(pod + ConfigMap(Valid)));
    }

    [Fact]
    public void Secret_mounted_configuration_without_data_is_a_note_not_a_failure()
    {
        var pod = Pod(volume: "{name: config, secret: {secretName: prometheus-config}}");
        const string secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: prometheus-config, namespace: monitoring}\ntype: Opaque\n";

        var context = new K8sGpt.Core.Analysis.AnalyzerContext("PrometheusConfigValidate", SnapshotFixtures.Now);

        var findings = new PrometheusConfigValidateAnalyzer().Analyze(SnapshotFixtures.FromYaml(pod + secret), context);

        Assert.Empty(findings);
        Assert.Empty(context.Errors);
        Assert.Equal(
            ["[PrometheusConfigValidate] monitoring/prometheus-0: the configuration is in Secret prometheus-config (key prometheus.yml), whose data k8sgpt does not read, so it was not checked"],
            context.Notes);
    }

    [Fact]
    public void Pods_are_found_by_container_name_when_none_is_labelled()
    {
        Assert.Equal(["no scrape configurations. Prometheus will not scrape any metrics."], Validate(Pod(labels: "{app: metrics}") + ConfigMap("global: {}")));
    }

    [Fact]
    public void Pods_sharing_a_configuration_are_reported_once()
    {
        var findings = SnapshotFixtures.Analyze(new PrometheusConfigValidateAnalyzer(), Pod() + Pod(name: "prometheus-1") + ConfigMap("global: {}"));

        Assert.Equal(["monitoring/prometheus-0"], findings.Select(static f => f.Name));
    }

    [Fact]
    public void Relabel_report_describes_kubernetes_sd_jobs_only()
    {
        var findings = SnapshotFixtures.Analyze(new PrometheusConfigRelabelReportAnalyzer(), Pod() + ConfigMap(Valid));

        var text = Assert.Single(ReadStates.Texts(findings));
        Assert.StartsWith("job_name:\nkubernetes-pods\nrelabel_configs:\n", text, StringComparison.Ordinal);
        Assert.Contains("__meta_kubernetes_pod_annotation_prometheus_io_scrape", text, StringComparison.Ordinal);
        Assert.DoesNotContain("self", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relabel_report_is_listed_but_not_counted_as_a_problem()
    {
        var snapshot = SnapshotFixtures.FromYaml(Pod() + ConfigMap(Valid));

        var report = await SnapshotFixtures.RunPipelineAsync(snapshot, "PrometheusConfigRelabelReport", "PrometheusConfigValidate");

        var result = Assert.Single(report.Results);
        Assert.True(result.Informational);
        Assert.Equal((0, "OK"), (report.Problems, report.Status));
    }
}
