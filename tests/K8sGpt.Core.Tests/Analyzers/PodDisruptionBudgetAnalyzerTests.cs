using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class PodDisruptionBudgetAnalyzerTests
{
    private static readonly string s_podsLoaded = ReadStates.Header(("", "Pod", "pods", "Loaded"));

    private static string Pdb(string budget = "minAvailable: 1", string selector = "matchLabels: {app: web}", string conditions = "") => $$"""
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: prod}
        spec:
          {{budget}}
          selector:
            {{selector}}
        status:
          currentHealthy: 1
          desiredHealthy: 2
          expectedPods: 2
          disruptionsAllowed: 0
          conditions:
        {{conditions}}

        """;

    private static string Pod(string name, string ns = "prod", string app = "web") => $$"""
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels: {app: {{app}}}
        spec:
          containers: [{name: app, image: app:1}]
        status: {phase: Running}

        """;

    private const string DisruptionNotAllowedSecond = """
          - {type: Other, status: "True", reason: Fine}
          - {type: DisruptionAllowed, status: "False", reason: InsufficientPods, message: not enough healthy pods}
        """;

    private static IReadOnlyList<string> Texts(string yaml) => ReadStates.Texts(SnapshotFixtures.Analyze(new PodDisruptionBudgetAnalyzer(), yaml));

    [Fact]
    public void DisruptionAllowed_false_in_any_position_is_reported_with_the_health_counts()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new PodDisruptionBudgetAnalyzer(), s_podsLoaded + Pdb(conditions: DisruptionNotAllowedSecond) + Pod("web-1") + Pod("web-2")));

        Assert.Equal("PodDisruptionBudget", finding.Kind);
        Assert.Equal("prod/web", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("PodDisruptionBudgetDisruptionNotAllowed", failure.Code);
        Assert.Equal("PodDisruptionBudget prod/web allows no disruption (InsufficientPods): 1 healthy pod(s), 2 required, 2 expected", failure.Text);
    }

    [Fact]
    public void Budget_that_allows_disruptions_is_healthy()
    {
        const string allowed = """
              - {type: DisruptionAllowed, status: "True", reason: SufficientPods}
            """;

        Assert.Empty(Texts(s_podsLoaded + Pdb(conditions: allowed) + Pod("web-1") + Pod("web-2")));
    }

    [Fact]
    public void Match_expressions_selector_is_honoured()
    {
        var yaml = s_podsLoaded + Pdb(selector: "matchExpressions: [{key: app, operator: In, values: [web, api]}]", conditions: DisruptionNotAllowedSecond)
            + Pod("web-1") + Pod("web-2");

        Assert.Equal(["PodDisruptionBudget prod/web allows no disruption (InsufficientPods): 1 healthy pod(s), 2 required, 2 expected"], Texts(yaml));
    }

    [Fact]
    public void Budget_matching_no_pod_is_reported()
    {
        var yaml = s_podsLoaded + Pdb(selector: "matchExpressions: [{key: app, operator: In, values: [api]}]") + Pod("web-1") + Pod("api-1", ns: "other", app: "api");

        Assert.Equal(["PodDisruptionBudget prod/web does not match any pod (selector: app in (api))"], Texts(yaml));
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PodDisruptionBudgetAnalyzer(), yaml)).Failures);
        Assert.Equal(["prod", "web", "api"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Budget_is_not_said_to_match_no_pod_when_pods_could_not_be_read()
    {
        Assert.Empty(Texts(ReadStates.Header(("", "Pod", "pods", "Forbidden")) + Pdb()));
    }

    [Fact]
    public void Max_unavailable_zero_is_reported_as_blocking_every_eviction()
    {
        Assert.Equal(
            ["PodDisruptionBudget prod/web has maxUnavailable 0, which blocks every voluntary eviction (node drains and upgrades will hang)"],
            Texts(s_podsLoaded + Pdb(budget: "maxUnavailable: 0", conditions: DisruptionNotAllowedSecond) + Pod("web-1") + Pod("web-2")));
    }

    [Fact]
    public void Min_available_equal_to_the_matching_pods_is_reported_as_blocking_every_eviction()
    {
        Assert.Equal(
            ["PodDisruptionBudget prod/web has minAvailable 2 and matches 2 pod(s), which blocks every voluntary eviction (node drains and upgrades will hang)"],
            Texts(s_podsLoaded + Pdb(budget: "minAvailable: 2") + Pod("web-1") + Pod("web-2")));
    }

    [Fact]
    public void Min_available_below_the_matching_pods_is_healthy()
    {
        Assert.Empty(Texts(s_podsLoaded + Pdb(budget: "minAvailable: 1") + Pod("web-1") + Pod("web-2")));
    }
}
