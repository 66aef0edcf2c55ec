using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class NetworkPolicyAnalyzerTests
{
    private static readonly string s_podsLoaded = ReadStates.Header(("", "Pod", "pods", "Loaded"));

    private static string Policy(string name, string spec, string ns = "prod") => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
        {{spec}}
        ---

        """;

    private static string Pod(string name, string ns = "prod", string app = "web") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels: {app: {{app}}}
        spec:
          containers: [{name: app, image: app:1}]
        status: {phase: Running}
        ---

        """;

    private const string DefaultDenyAll = """
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """;

    private const string AllowWebEgressToDb = """
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
          - to: [{podSelector: {matchLabels: {app: db}}}]
            ports: [{port: 5432}]
        """;

    private const string AllowDns = """
          podSelector: {}
          policyTypes: [Egress]
          egress:
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
            ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        """;

    private static IReadOnlyList<string> Texts(string yaml) => ReadStates.Texts(SnapshotFixtures.Analyze(new NetworkPolicyAnalyzer(), yaml));

    [Fact]
    public void Default_deny_policy_with_an_empty_pod_selector_is_not_reported()
    {
        Assert.Empty(Texts(s_podsLoaded + Policy("default-deny", DefaultDenyAll) + Pod("web-1")));
    }

    [Fact]
    public void Default_deny_policy_in_a_namespace_without_pods_is_not_reported()
    {
        Assert.Empty(Texts(s_podsLoaded + Policy("default-deny", DefaultDenyAll)));
    }

    [Fact]
    public void Policy_selecting_no_pod_of_its_namespace_is_reported()
    {
        var yaml = s_podsLoaded + Policy("allow-api", "  podSelector: {matchLabels: {app: api}}\n  ingress: [{}]") + Pod("web-1") + Pod("api-1", ns: "other", app: "api");

        var finding = Assert.Single(SnapshotFixtures.Analyze(new NetworkPolicyAnalyzer(), yaml));
        Assert.Equal("prod/allow-api", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("Network policy is not applied to any pods: allow-api", failure.Text);
        Assert.Equal(["prod", "allow-api"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Policy_selecting_pods_with_match_expressions_is_healthy()
    {
        var yaml = s_podsLoaded + Policy("allow-web", "  podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n  ingress: [{}]") + Pod("web-1");

        Assert.Empty(Texts(yaml));
    }

    [Fact]
    public void Policy_is_not_said_to_select_nothing_when_pods_could_not_be_read()
    {
        Assert.Empty(Texts(ReadStates.Header(("", "Pod", "pods", "Forbidden")) + Policy("allow-api", "  podSelector: {matchLabels: {app: api}}")));
    }

    [Fact]
    public void Egress_policy_that_leaves_no_way_to_dns_is_reported()
    {
        var yaml = s_podsLoaded + Policy("web-egress", AllowWebEgressToDb) + Pod("web-1");

        Assert.Equal(
            ["Network policy web-egress restricts egress and no egress rule of the namespace allows DNS (port 53 to kube-system) for pod(s) web-1"],
            Texts(yaml));
    }

    [Fact]
    public void Pods_named_in_a_dns_failure_are_sensitive()
    {
        var yaml = s_podsLoaded + Policy("web-egress", AllowWebEgressToDb) + Pod("web-1") + Pod("web-2");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new NetworkPolicyAnalyzer(), yaml)).Failures);

        Assert.EndsWith("for pod(s) web-1, web-2", failure.Text, StringComparison.Ordinal);
        Assert.Equal(["prod", "web-egress", "web-1", "web-2"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Egress_policy_is_healthy_when_another_policy_allows_dns()
    {
        var yaml = s_podsLoaded + Policy("web-egress", AllowWebEgressToDb) + Policy("allow-dns", AllowDns) + Pod("web-1");

        Assert.Empty(Texts(yaml));
    }
}
