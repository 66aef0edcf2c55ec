using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Findings;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class WebhookAnalyzerTests
{
    private const string FailImpact = "; its failurePolicy is Fail, so API requests it matches are rejected while it is unavailable";

    private static string Mutating(string name, string webhooks) => $"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata:
          name: {name}
          uid: 8a7b6c5d-4e3f-4a1b-9c8d-{name.Length:000000000000}
          generation: 1
        webhooks:
        {webhooks}
        ---

        """;

    private static string Validating(string name, string webhooks) =>
        Mutating(name, webhooks).Replace("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", StringComparison.Ordinal);

    private static string ServiceWebhook(string name, string service, string failurePolicy = "Fail") => $"""
        - name: {name}
          admissionReviewVersions: [v1]
          sideEffects: None
          failurePolicy: {failurePolicy}
          timeoutSeconds: 10
          matchPolicy: Equivalent
          clientConfig:
            caBundle: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
            service: {"{"}namespace: cert-manager, name: {service}, path: /mutate, port: 443{"}"}
          rules:
          - {"{"}apiGroups: [cert-manager.io], apiVersions: [v1], operations: [CREATE, UPDATE], resources: ["*/*"], scope: "*"{"}"}

        """;

    private const string WebhookService = """
        apiVersion: v1
        kind: Service
        metadata: {name: cert-manager-webhook, namespace: cert-manager}
        spec:
          type: ClusterIP
          clusterIP: 10.96.30.5
          selector: {app.kubernetes.io/name: webhook, app.kubernetes.io/instance: cert-manager}
          ports: [{name: https, port: 443, protocol: TCP, targetPort: 10250}]
        ---

        """;

    private static string Pod(string name, string phase, bool ready, string waiting = "") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: cert-manager
          labels: {"{"}app.kubernetes.io/name: webhook, app.kubernetes.io/instance: cert-manager, pod-template-hash: 6b8f9{"}"}
        spec:
          containers: [{"{"}name: cert-manager-webhook, image: quay.io/jetstack/cert-manager-webhook:v1.19.1{"}"}]
        status:
          phase: {phase}
          conditions:
          - {"{"}type: Ready, status: "{(ready ? "True" : "False")}"{"}"}
          containerStatuses:
          - name: cert-manager-webhook
            ready: {(ready ? "true" : "false")}
            restartCount: 4
            image: quay.io/jetstack/cert-manager-webhook:v1.19.1
            state: {(waiting.Length > 0 ? $"{{waiting: {{reason: {waiting}}}}}" : phase == "Running" ? "{running: {startedAt: \"2026-11-30T11:00:00Z\"}}" : "{}")}
        ---

        """;

    private static IReadOnlyList<Finding> Analyze(string yaml) => SnapshotFixtures.Analyze(new MutatingWebhookAnalyzer(), yaml);

    [Fact]
    public void Webhook_with_a_ready_receiver_pod_is_healthy()
    {
        var yaml = Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"))
            + WebhookService + Pod("cert-manager-webhook-6b8f9-abcde", "Running", ready: true);

        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void Missing_service_is_reported_per_webhook_entry_with_the_failure_policy_impact()
    {
        var yaml = Header(("", "Service", "services", "Loaded")) + Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"));

        var finding = Assert.Single(Analyze(yaml));

        Assert.Equal("MutatingWebhookConfiguration", finding.Kind);
        Assert.Equal("cert-manager-webhook/webhook.cert-manager.io", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("WebhookServiceNotFound", failure.Code);
        Assert.Equal("Service cert-manager/cert-manager-webhook not found as mapped to by Mutating Webhook webhook.cert-manager.io" + FailImpact, failure.Text);
    }

    [Fact]
    public void Ignore_failure_policy_is_not_described_as_blocking()
    {
        var yaml = Header(("", "Service", "services", "Loaded"))
            + Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook", failurePolicy: "Ignore"));

        Assert.Equal(["Service cert-manager/cert-manager-webhook not found as mapped to by Mutating Webhook webhook.cert-manager.io"], Texts(Analyze(yaml)));
    }

    [Fact]
    public void Service_that_could_not_be_read_is_not_reported_as_missing()
    {
        var yaml = Header(("", "Service", "services", "Forbidden")) + Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"));

        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void Service_outside_the_scanned_namespace_is_not_reported_as_missing()
    {
        var yaml = Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook")) + """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """;
        var snapshot = SnapshotFixtures.FromYaml(yaml, ns: "shop");

        var (findings, errors) = SnapshotFixtures.Run(new MutatingWebhookAnalyzer(), snapshot);

        Assert.Empty(errors);
        Assert.Empty(findings);
    }

    [Fact]
    public void Same_webhook_name_in_two_configurations_gives_two_results()
    {
        var yaml = Header(("", "Service", "services", "Loaded"))
            + Mutating("team-a", ServiceWebhook("defaulter.example.com", "team-a-webhook"))
            + Mutating("team-b", ServiceWebhook("defaulter.example.com", "team-b-webhook"));

        Assert.Equal(["team-a/defaulter.example.com", "team-b/defaulter.example.com"], Analyze(yaml).Select(static f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Url_based_webhook_is_not_checked_and_does_not_throw()
    {
        var yaml = Header(("", "Service", "services", "Loaded")) + Mutating("external", """
            - name: policy.example.com
              admissionReviewVersions: [v1]
              sideEffects: None
              failurePolicy: Fail
              clientConfig:
                url: https://policy.example.com:8443/mutate
            """);

        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void Service_with_no_selected_pods_is_reported()
    {
        var yaml = Header(("", "Pod", "pods", "Loaded")) + Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook")) + WebhookService;

        Assert.Equal(
            ["No active pods found within service cert-manager/cert-manager-webhook as mapped to by Mutating Webhook webhook.cert-manager.io" + FailImpact],
            Texts(Analyze(yaml)));
    }

    [Fact]
    public void Pods_that_could_not_be_read_are_not_reported_as_absent()
    {
        var yaml = Header(("", "Pod", "pods", "Forbidden")) + Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook")) + WebhookService;

        Assert.Empty(Analyze(yaml));
    }

    [Fact]
    public void Pending_receiver_pod_is_reported_as_inactive()
    {
        var yaml = Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"))
            + WebhookService + Pod("cert-manager-webhook-6b8f9-abcde", "Pending", ready: false);

        var failure = Assert.Single(Assert.Single(Analyze(yaml)).Failures);

        Assert.Equal("WebhookInactivePod", failure.Code);
        Assert.Equal("Mutating Webhook (webhook.cert-manager.io) is pointing to an inactive receiver pod (cert-manager-webhook-6b8f9-abcde)" + FailImpact, failure.Text);
    }

    [Fact]
    public void Running_but_not_ready_receiver_pod_is_reported_as_inactive()
    {
        var yaml = Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"))
            + WebhookService + Pod("cert-manager-webhook-6b8f9-abcde", "Running", ready: false);

        Assert.Equal("WebhookInactivePod", Assert.Single(Codes(Analyze(yaml))));
    }

    [Fact]
    public void Crash_looping_receiver_pod_is_reported_as_inactive()
    {
        var yaml = Mutating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"))
            + WebhookService + Pod("cert-manager-webhook-6b8f9-abcde", "Running", ready: true, waiting: "CrashLoopBackOff");

        Assert.Equal("WebhookInactivePod", Assert.Single(Codes(Analyze(yaml))));
    }

    [Fact]
    public void Validating_webhook_uses_the_validating_wording()
    {
        var yaml = Validating("cert-manager-webhook", ServiceWebhook("webhook.cert-manager.io", "cert-manager-webhook"))
            + WebhookService + Pod("cert-manager-webhook-6b8f9-abcde", "Pending", ready: false);

        var finding = Assert.Single(SnapshotFixtures.Analyze(new ValidatingWebhookAnalyzer(), yaml));

        Assert.Equal("ValidatingWebhookConfiguration", finding.Kind);
        Assert.Equal(
            "Validating Webhook (webhook.cert-manager.io) is pointing to an inactive receiver pod (cert-manager-webhook-6b8f9-abcde)" + FailImpact,
            Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public void Validating_webhook_with_missing_service_is_reported()
    {
        var yaml = Header(("", "Service", "services", "Loaded")) + Validating("policy", ServiceWebhook("validate.policy.io", "policy-svc"));

        Assert.Equal(
            ["Service cert-manager/policy-svc not found as mapped to by Validating Webhook validate.policy.io" + FailImpact],
            Texts(SnapshotFixtures.Analyze(new ValidatingWebhookAnalyzer(), yaml)));
    }

    [Fact]
    public void Configuration_with_no_webhooks_or_client_config_does_not_throw()
    {
        var yaml = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: empty}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: partial}
            webhooks:
            - name: no-client-config.example.com
            - name: no-service-name.example.com
              clientConfig: {service: {namespace: x}}
            """;

        Assert.Empty(Analyze(yaml));
    }
}
