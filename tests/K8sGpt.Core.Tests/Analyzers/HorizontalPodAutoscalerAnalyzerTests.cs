using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class HorizontalPodAutoscalerAnalyzerTests
{
    private static string Hpa(string target = "kind: Deployment\n    name: web", string metrics = "", string status = "", int min = 2) => $$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: prod}
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            {{target}}
          minReplicas: {{min}}
          maxReplicas: 10
          metrics:
        {{metrics}}
        status:
        {{status}}
        """;

    private static string Web(string resources = "requests: {cpu: 100m}") => "\n" + $$$"""
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: prod}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: web:1
                resources:
                  {{{resources}}}
        """;

    private const string CpuUtilization = """
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        """;

    private static string Conditions(string type, string status, string reason, int desired = 2) => $$"""
          desiredReplicas: {{desired}}
          conditions:
          - type: {{type}}
            status: "{{status}}"
            reason: {{reason}}
            message: "the HPA says {{reason}}"
        """;

    private static IReadOnlyList<string> Texts(string yaml) => ReadStates.Texts(SnapshotFixtures.Analyze(new HorizontalPodAutoscalerAnalyzer(), yaml));

    [Fact]
    public void Hpa_resting_at_its_minimum_is_healthy()
    {
        Assert.Empty(Texts(Hpa(metrics: CpuUtilization, status: Conditions("ScalingLimited", "True", "TooFewReplicas", desired: 2)) + Web()));
    }

    [Fact]
    public void Hpa_limited_by_too_few_replicas_above_its_minimum_is_reported()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new HorizontalPodAutoscalerAnalyzer(), Hpa(metrics: CpuUtilization, status: Conditions("ScalingLimited", "True", "TooFewReplicas", desired: 3)) + Web()));

        Assert.Equal("HorizontalPodAutoscaler", finding.Kind);
        Assert.Equal("prod/web", finding.Name);
        Assert.Equal(["HorizontalPodAutoscaler prod/web has condition ScalingLimited=True, reason TooFewReplicas: the HPA says TooFewReplicas"], ReadStates.Texts([finding]));
    }

    [Fact]
    public void Hpa_capped_at_its_maximum_is_reported()
    {
        Assert.Equal(
            ["HorizontalPodAutoscaler prod/web has condition ScalingLimited=True, reason TooManyReplicas: the HPA says TooManyReplicas"],
            Texts(Hpa(metrics: CpuUtilization, status: Conditions("ScalingLimited", "True", "TooManyReplicas", desired: 10)) + Web()));
    }

    [Fact]
    public void ScalingActive_false_because_the_target_was_scaled_to_zero_is_healthy()
    {
        Assert.Empty(Texts(Hpa(metrics: CpuUtilization, status: Conditions("ScalingActive", "False", "ScalingDisabled", desired: 0)) + Web()));
    }

    [Fact]
    public void ScalingActive_false_for_another_reason_is_reported_with_its_message()
    {
        Assert.Equal(
            ["HorizontalPodAutoscaler prod/web has condition ScalingActive=False, reason FailedGetResourceMetric: the HPA says FailedGetResourceMetric"],
            Texts(Hpa(metrics: CpuUtilization, status: Conditions("ScalingActive", "False", "FailedGetResourceMetric")) + Web()));
    }

    [Fact]
    public void AbleToScale_false_is_reported_with_its_message()
    {
        Assert.Equal(
            ["HorizontalPodAutoscaler prod/web has condition AbleToScale=False, reason FailedGetScale: the HPA says FailedGetScale"],
            Texts(Hpa(metrics: CpuUtilization, status: Conditions("AbleToScale", "False", "FailedGetScale")) + Web()));
    }

    [Fact]
    public void Missing_target_is_reported_once()
    {
        var failure = Assert.Single(SnapshotFixtures.Analyze(new HorizontalPodAutoscalerAnalyzer(), ReadStates.Header(("apps", "StatefulSet", "statefulsets", "Loaded")) + Hpa(target: "kind: StatefulSet\n    name: db", metrics: CpuUtilization) + Web())[0].Failures);

        Assert.Equal("HorizontalPodAutoscalerTargetNotFound", failure.Code);
        Assert.Equal("HorizontalPodAutoscaler uses StatefulSet/db as ScaleTargetRef which does not exist.", failure.Text);
        Assert.Equal(["db"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Target_that_cannot_be_read_is_not_reported_missing()
    {
        var header = ReadStates.Header(("apps", "Deployment", "deployments", "Forbidden"));

        Assert.Empty(Texts(header + Hpa(metrics: CpuUtilization)));
    }

    [Fact]
    public void Built_in_kind_without_a_scale_subresource_is_reported_once()
    {
        Assert.Equal(
            ["HorizontalPodAutoscaler uses DaemonSet as ScaleTargetRef which is not an option."],
            Texts(Hpa(target: "kind: DaemonSet\n    name: agent", metrics: CpuUtilization)));
    }

    [Fact]
    public void Custom_resource_target_with_a_scale_subresource_is_not_reported()
    {
        var yaml = Hpa(metrics: CpuUtilization).Replace("apiVersion: apps/v1\n    kind: Deployment", "apiVersion: argoproj.io/v1alpha1\n    kind: Rollout", StringComparison.Ordinal);

        Assert.Empty(Texts(yaml));
    }

    [Fact]
    public void Cpu_utilization_target_without_a_cpu_request_is_reported_in_the_target_namespace()
    {
        Assert.Equal(
            ["Deployment prod/web does not request cpu for container(s) web, which the HorizontalPodAutoscaler's cpu utilization target needs."],
            Texts(Hpa(metrics: CpuUtilization) + Web("limits: {cpu: 500m}")));
    }

    [Fact]
    public void Containers_named_for_a_missing_request_are_sensitive()
    {
        var yaml = Hpa(metrics: CpuUtilization) + Web("limits: {cpu: 500m}").Replace("- name: web", "- name: storefront", StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new HorizontalPodAutoscalerAnalyzer(), yaml)).Failures);

        Assert.Contains("container(s) storefront", failure.Text, StringComparison.Ordinal);
        Assert.Equal(["prod", "web", "storefront"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Memory_request_does_not_satisfy_a_cpu_target()
    {
        Assert.Single(Texts(Hpa(metrics: CpuUtilization) + Web("requests: {memory: 64Mi}")));
    }

    [Fact]
    public void Cpu_request_without_limits_satisfies_a_cpu_target()
    {
        Assert.Empty(Texts(Hpa(metrics: CpuUtilization) + Web("requests: {cpu: 100m}")));
    }

    [Fact]
    public void Average_value_targets_and_external_metrics_need_no_request()
    {
        const string metrics = """
              - type: Resource
                resource: {name: cpu, target: {type: AverageValue, averageValue: 200m}}
              - type: External
                external: {metric: {name: queue_depth}, target: {type: AverageValue, averageValue: "30"}}
            """;

        Assert.Empty(Texts(Hpa(metrics: metrics) + Web("{}")));
    }

    [Fact]
    public void Container_resource_target_checks_only_the_named_container()
    {
        const string metrics = """
              - type: ContainerResource
                containerResource: {name: memory, container: web, target: {type: Utilization, averageUtilization: 80}}
            """;

        Assert.Equal(
            ["Deployment prod/web does not request memory for container(s) web, which the HorizontalPodAutoscaler's memory utilization target needs."],
            Texts(Hpa(metrics: metrics) + Web("requests: {cpu: 100m}")));
    }
}
