using K8sGpt.Core.Integrations.Keda;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers.Integrations;

public sealed class ScaledObjectAnalyzerTests
{
    private const string SoUid = "5c41ed00-0000-4000-8000-000000000001";

    private static string ScaledObject(string target = "{name: web}", string status = "", string annotations = "{}", string triggers = "[{type: prometheus, metadata: {threshold: '10'}}]") => $$"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: web
          namespace: shop
          uid: {{SoUid}}
          annotations: {{annotations}}
        spec:
          scaleTargetRef: {{target}}
          triggers: {{triggers}}
        status:
          {{status}}

        """;

    private const string Deployment = """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: shop/web:1
        """;

    private const string DeploymentWithRequests = """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: shop/web:1
                resources: {requests: {cpu: 100m}}
        """;

    private const string Ready = "conditions: [{type: Ready, status: 'True', reason: ScaledObjectReady}, {type: Active, status: 'False'}, {type: Fallback, status: 'False'}]";

    private static string Hpa(string scalingActive) => $$"""
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: keda-hpa-web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
        status:
          currentReplicas: 1
          desiredReplicas: 1
          conditions:
          - {type: ScalingActive, status: '{{scalingActive}}', reason: FailedGetExternalMetric, message: 'unable to get external metric shop/s0-prometheus'}
        """;

    private static string Deployments(string state) => ReadStates.Header(("apps", "Deployment", "deployments", state));

    [Fact]
    public void Ready_ScaledObject_with_an_existing_target_is_healthy()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(status: Ready) + Deployment + Hpa("True"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Missing_target_deployment_is_reported_with_the_target_masked()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), Deployments("Loaded") + ScaledObject(status: Ready));

        var finding = Assert.Single(findings);
        Assert.Equal("ScaledObject", finding.Kind);
        Assert.Equal("shop/web", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("ScaledObject uses Deployment/web as ScaleTargetRef which does not exist.", failure.Text);
        Assert.Equal("web", Assert.Single(failure.Sensitive).Unmasked);
    }

    [Fact]
    public void Target_kind_defaults_to_Deployment()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), Deployments("Loaded") + ScaledObject(target: "{name: api}", status: Ready));

        Assert.Equal(["ScaledObject uses Deployment/api as ScaleTargetRef which does not exist."], ReadStates.Texts(findings));
    }

    [Fact]
    public void Target_that_could_not_be_read_is_not_reported_as_missing()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), Deployments("Forbidden") + ScaledObject(status: Ready));

        Assert.Empty(findings);
    }

    [Fact]
    public void Missing_StatefulSet_target_is_reported_with_its_kind()
    {
        var header = ReadStates.Header(("apps", "StatefulSet", "statefulsets", "Loaded"));
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), header + ScaledObject(target: "{kind: StatefulSet, name: db}", status: Ready));

        Assert.Equal(["ScaledObject uses StatefulSet/db as ScaleTargetRef which does not exist."], ReadStates.Texts(findings));
    }

    [Fact]
    public void Target_of_a_kind_that_is_not_read_is_not_judged()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), Deployments("Loaded") + ScaledObject(target: "{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}", status: Ready));

        Assert.Empty(findings);
    }

    [Fact]
    public void ScaledObject_without_scaleTargetRef_is_reported_not_crashed_on()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(target: "null", status: Ready));

        Assert.Equal(["ScaledObject web has no spec.scaleTargetRef.name: it scales nothing"], ReadStates.Texts(findings));
    }

    [Fact]
    public void Ready_False_is_reported_with_its_reason_and_message()
    {
        const string status = "conditions: [{type: Ready, status: 'False', reason: ScaledObjectCheckFailed, message: 'Target resource doesn''t expose /scale'}]";

        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(status: status) + Deployment);

        Assert.Equal(["ScaledObject web is not ready: ScaledObjectCheckFailed: Target resource doesn't expose /scale"], ReadStates.Texts(findings));
    }

    [Fact]
    public void Fallback_True_is_reported()
    {
        const string status = "conditions: [{type: Ready, status: 'True'}, {type: Fallback, status: 'True', reason: FallbackExists, message: At least one trigger is falling back on this scaled object}]";

        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(status: status) + Deployment);

        Assert.Equal(
            ["ScaledObject web is using its fallback replica count because its scalers keep failing: FallbackExists: At least one trigger is falling back on this scaled object"],
            ReadStates.Texts(findings));
    }

    [Fact]
    public void Keda_hpa_that_cannot_scale_is_reported()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(status: Ready) + Deployment + Hpa("False"));

        Assert.Equal(
            ["the HorizontalPodAutoscaler keda-hpa-web that KEDA manages for ScaledObject web cannot scale: FailedGetExternalMetric: unable to get external metric shop/s0-prometheus"],
            ReadStates.Texts(findings));
    }

    [Fact]
    public void Paused_ScaledObject_is_not_a_problem_even_with_an_inactive_hpa()
    {
        var findings = SnapshotFixtures.Analyze(
            new ScaledObjectAnalyzer(),
            ScaledObject(status: Ready, annotations: "{autoscaling.keda.sh/paused-replicas: '0'}") + Deployment + Hpa("False"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Cpu_trigger_on_containers_without_cpu_requests_is_reported()
    {
        var findings = SnapshotFixtures.Analyze(
            new ScaledObjectAnalyzer(),
            ScaledObject(status: Ready, triggers: "[{type: cpu, metricType: Utilization, metadata: {value: '60'}}]") + Deployment);

        Assert.Equal(
            ["Deployment shop/web does not have resource configured: the cpu trigger needs a cpu request on its containers"],
            ReadStates.Texts(findings));
        Assert.Equal(["shop", "web"], Assert.Single(Assert.Single(findings).Failures).Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Cpu_trigger_on_containers_with_cpu_requests_is_healthy()
    {
        var findings = SnapshotFixtures.Analyze(
            new ScaledObjectAnalyzer(),
            ScaledObject(status: Ready, triggers: "[{type: cpu, metricType: Utilization, metadata: {value: '60'}}]") + DeploymentWithRequests);

        Assert.Empty(findings);
    }

    [Fact]
    public void Warning_event_about_the_ScaledObject_is_reported()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(status: Ready) + Deployment + Event("ScaledObject", SoUid, "KEDAScalerFailed", "error parsing prometheus metadata"));

        Assert.Equal(["ScaledObject web: KEDAScalerFailed: error parsing prometheus metadata"], ReadStates.Texts(findings));
    }

    [Fact]
    public void Warning_event_of_the_same_named_Deployment_is_not_attributed_to_the_ScaledObject()
    {
        var findings = SnapshotFixtures.Analyze(new ScaledObjectAnalyzer(), ScaledObject(status: Ready) + Deployment + Event("Deployment", "d0000000-0000-4000-8000-000000000002", "FailedCreate", "quota exceeded"));

        Assert.Empty(findings);
    }

    private static string Event(string kind, string uid, string reason, string message) => $$"""
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web.1, namespace: shop}
        involvedObject: {kind: {{kind}}, name: web, namespace: shop, uid: {{uid}}}
        type: Warning
        reason: {{reason}}
        message: {{message}}
        lastTimestamp: "2026-11-30T11:50:00Z"
        """;
}
