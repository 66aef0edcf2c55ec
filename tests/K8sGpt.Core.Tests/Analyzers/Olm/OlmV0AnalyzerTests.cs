using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers.Olm;

public sealed class OlmV0AnalyzerTests
{
    private static string Csv(string ns, string name, string phase, string conditions = "[]", string labels = "{}") => $"""
        apiVersion: operators.coreos.com/v1alpha1
        kind: ClusterServiceVersion
        metadata: {"{"}name: {name}, namespace: {ns}, labels: {labels}{"}"}
        spec: {"{"}displayName: {name}{"}"}
        status:
          phase: {phase}
          conditions: {conditions}
        ---

        """;

    private const string FailedHistory = """
        [
          {phase: Pending, reason: RequirementsUnknown, message: requirements not yet checked, lastTransitionTime: "2026-11-30T10:00:00Z"},
          {phase: Failed, reason: InstallCheckFailed, message: install timeout, lastTransitionTime: "2026-11-30T10:20:00Z"},
          {phase: InstallReady, reason: AllRequirementsMet, message: all requirements found, lastTransitionTime: "2026-11-30T10:05:00Z"}
        ]
        """;

    private static string Subscription(string ns, string name, string state, string conditions) => $"""
        apiVersion: operators.coreos.com/v1alpha1
        kind: Subscription
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        spec: {"{"}name: {name}, channel: stable, source: operatorhubio, sourceNamespace: olm{"}"}
        status:
          state: {state}
          conditions: {conditions.ReplaceLineEndings(" ")}
        ---

        """;

    private static string InstallPlan(string phase, string conditions = "[]") => $"""
        apiVersion: operators.coreos.com/v1alpha1
        kind: InstallPlan
        metadata: {"{"}name: install-abcde, namespace: operators{"}"}
        spec: {"{"}approval: Manual, approved: false, clusterServiceVersionNames: [etcd.v0.9.4]{"}"}
        status:
          phase: {phase}
          conditions: {conditions}
        ---

        """;

    private static string CatalogSource(string name, string state) => $"""
        apiVersion: operators.coreos.com/v1alpha1
        kind: CatalogSource
        metadata: {"{"}name: {name}, namespace: olm{"}"}
        spec: {"{"}sourceType: grpc, image: quay.io/operatorhubio/catalog:latest{"}"}
        status:
          connectionState: {"{"}address: "{name}.olm.svc:50051", lastObservedState: {state}{"}"}
        ---

        """;

    private static string OperatorGroup(string ns, string name) => $"""
        apiVersion: operators.coreos.com/v1
        kind: OperatorGroup
        metadata: {"{"}name: {name}, namespace: {ns}{"}"}
        spec: {"{"}{"}"}
        ---

        """;

    [Fact]
    public void Failed_CSV_is_reported_with_the_reason_and_message_of_its_latest_condition()
    {
        var findings = SnapshotFixtures.Analyze(new ClusterServiceVersionAnalyzer(), Csv("operators", "etcd.v0.9.4", "Failed", FailedHistory));

        Assert.Equal(["phase=\"Failed\": InstallCheckFailed: install timeout"], Texts(findings));
        Assert.Equal("operators/etcd.v0.9.4", Assert.Single(findings).Name);
    }

    [Fact]
    public void Failed_CSV_without_conditions_is_still_reported()
    {
        Assert.Equal(
            ["phase=\"Failed\" (see status.conditions)"],
            Texts(SnapshotFixtures.Analyze(new ClusterServiceVersionAnalyzer(), Csv("operators", "etcd.v0.9.4", "Failed"))));
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("InstallReady")]
    [InlineData("Installing")]
    [InlineData("Replacing")]
    [InlineData("Deleting")]
    [InlineData("Succeeded")]
    public void CSV_in_a_transient_or_successful_phase_is_not_reported(string phase)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new ClusterServiceVersionAnalyzer(), Csv("operators", "etcd.v0.9.4", phase, FailedHistory)));
    }

    [Fact]
    public void Copied_CSVs_are_not_reported_in_every_namespace()
    {
        var yaml = Csv("operators", "etcd.v0.9.4", "Failed", FailedHistory)
            + Csv("team-a", "etcd.v0.9.4", "Failed", FailedHistory, "{olm.copiedFrom: operators}");

        Assert.Equal(["operators/etcd.v0.9.4"], SnapshotFixtures.Analyze(new ClusterServiceVersionAnalyzer(), yaml).Select(static f => f.Name));
    }

    [Fact]
    public void Copied_CSV_is_reported_when_the_scan_does_not_include_its_source()
    {
        var yaml = Csv("operators", "etcd.v0.9.4", "Failed", FailedHistory)
            + Csv("team-a", "etcd.v0.9.4", "Failed", FailedHistory, "{olm.copiedFrom: operators}");

        var (findings, _) = SnapshotFixtures.Run(new ClusterServiceVersionAnalyzer(), SnapshotFixtures.FromYaml(yaml, ns: "team-a"));

        Assert.Equal("team-a/etcd.v0.9.4", Assert.Single(findings).Name);
        Assert.Equal(
            ["phase=\"Failed\": InstallCheckFailed: install timeout (copy of the CSV in namespace operators, which this run does not report on)"],
            Texts(findings));
    }

    [Fact]
    public void Subscription_with_ResolutionFailed_True_is_reported_even_at_AtLatestKnown()
    {
        const string conditions = """
            [{type: CatalogSourcesUnhealthy, status: "False", reason: AllCatalogSourcesHealthy, message: all available catalogsources are healthy},
             {type: ResolutionFailed, status: "True", reason: ConstraintsNotSatisfiable, message: no operators found in channel stable}]
            """;

        var findings = SnapshotFixtures.Analyze(new SubscriptionAnalyzer(), Subscription("operators", "etcd", "AtLatestKnown", conditions));

        Assert.Equal(["state=\"AtLatestKnown\": ResolutionFailed=True: ConstraintsNotSatisfiable: no operators found in channel stable"], Texts(findings));
    }

    [Fact]
    public void Subscription_with_unhealthy_catalogs_or_a_failed_install_plan_is_reported()
    {
        const string conditions = """
            [{type: CatalogSourcesUnhealthy, status: "True", reason: UnhealthyCatalogSourceFound, message: targeted catalogsource olm/community unhealthy},
             {type: InstallPlanFailed, status: "True", reason: InstallCheckFailed, message: install plan failed}]
            """;

        Assert.Equal(
        [
            "state=\"UpgradePending\": CatalogSourcesUnhealthy=True: UnhealthyCatalogSourceFound: targeted catalogsource olm/community unhealthy",
            "state=\"UpgradePending\": InstallPlanFailed=True: InstallCheckFailed: install plan failed",
        ], Texts(SnapshotFixtures.Analyze(new SubscriptionAnalyzer(), Subscription("operators", "etcd", "UpgradePending", conditions))));
    }

    [Fact]
    public void Subscription_with_healthy_False_conditions_waiting_for_an_upgrade_is_not_reported()
    {
        const string conditions = """
            [{type: CatalogSourcesUnhealthy, status: "False", reason: AllCatalogSourcesHealthy, message: all healthy},
             {type: ResolutionFailed, status: "False", reason: ResolutionSucceeded, message: ok}]
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new SubscriptionAnalyzer(), Subscription("operators", "etcd", "UpgradePending", conditions)));
    }

    [Fact]
    public void Failed_InstallPlan_is_reported_with_its_failing_condition()
    {
        const string conditions = """
            [{type: Installed, status: "False", reason: InstallComponentFailed, message: "error creating csv etcd.v0.9.4: forbidden"}]
            """;

        Assert.Equal(
            ["phase=\"Failed\": InstallComponentFailed: error creating csv etcd.v0.9.4: forbidden"],
            Texts(SnapshotFixtures.Analyze(new InstallPlanAnalyzer(), InstallPlan("Failed", conditions))));
    }

    [Theory]
    [InlineData("RequiresApproval")]
    [InlineData("Installing")]
    [InlineData("Complete")]
    public void InstallPlan_awaiting_approval_or_progressing_is_not_reported(string phase)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new InstallPlanAnalyzer(), InstallPlan(phase)));
    }

    [Fact]
    public void CatalogSource_in_TRANSIENT_FAILURE_is_reported_with_its_address()
    {
        Assert.Equal(
            ["connectionState=TRANSIENT_FAILURE (address=community.olm.svc:50051)"],
            Texts(SnapshotFixtures.Analyze(new CatalogSourceAnalyzer(), CatalogSource("community", "TRANSIENT_FAILURE"))));
    }

    [Fact]
    public void CatalogSources_connecting_idle_or_ready_are_not_reported()
    {
        var yaml = CatalogSource("a", "CONNECTING") + CatalogSource("b", "IDLE") + CatalogSource("c", "READY");

        Assert.Empty(SnapshotFixtures.Analyze(new CatalogSourceAnalyzer(), yaml));
    }

    [Fact]
    public void Namespace_with_two_OperatorGroups_is_reported_by_namespace()
    {
        var yaml = OperatorGroup("team-a", "one") + OperatorGroup("team-a", "two") + OperatorGroup("team-b", "only");

        var finding = Assert.Single(SnapshotFixtures.Analyze(new OperatorGroupAnalyzer(), yaml));

        Assert.Equal(("OperatorGroup", "team-a"), (finding.Kind, finding.Name));
        Assert.Equal(["2 OperatorGroups in namespace (one, two); this can break CSV resolution"], Texts([finding]));
    }

    [Fact]
    public void Namespace_with_a_Subscription_but_no_OperatorGroup_is_reported()
    {
        var yaml = OperatorGroup("team-b", "only") + Subscription("team-b", "redis", "AtLatestKnown", "[]")
            + Subscription("team-c", "etcd", "", "[]");

        var finding = Assert.Single(SnapshotFixtures.Analyze(new OperatorGroupAnalyzer(), yaml));

        Assert.Equal("team-c", finding.Name);
        Assert.Equal(["no OperatorGroup in namespace, so OLM will not install its Subscriptions (etcd)"], Texts([finding]));
    }

    [Fact]
    public void Failures_mark_the_names_their_texts_and_messages_quote_sensitive()
    {
        var csv = Csv("operators", "etcd.v0.9.4", "Failed", FailedHistory)
            .Replace("spec: {displayName: etcd.v0.9.4}", "spec: {install: {spec: {deployments: [{name: etcd-operator}]}}}", StringComparison.Ordinal);
        var failedPlan = """[{type: Installed, status: "False", reason: InstallComponentFailed, message: x}]""";
        var unresolved = """[{type: ResolutionFailed, status: "True", reason: ConstraintsNotSatisfiable, message: x}]""";

        Assert.Equal(["operators", "etcd.v0.9.4", "etcd-operator"], SensitiveOf(new ClusterServiceVersionAnalyzer(), csv));
        Assert.Equal(["operators", "install-abcde", "etcd.v0.9.4"], SensitiveOf(new InstallPlanAnalyzer(), InstallPlan("Failed", failedPlan)));
        Assert.Equal(["operators", "etcd", "operatorhubio", "olm"], SensitiveOf(new SubscriptionAnalyzer(), Subscription("operators", "etcd", "AtLatestKnown", unresolved)));
        Assert.Equal(
            ["olm", "community", "community.olm.svc", "quay.io", "operatorhubio", "catalog"],
            SensitiveOf(new CatalogSourceAnalyzer(), CatalogSource("community", "TRANSIENT_FAILURE")));
        Assert.Equal(["team-a", "one", "two"], SensitiveOf(new OperatorGroupAnalyzer(), OperatorGroup("team-a", "one") + OperatorGroup("team-a", "two")));
        Assert.Equal(["team-c", "etcd"], SensitiveOf(new OperatorGroupAnalyzer(), OperatorGroup("team-b", "only") + Subscription("team-c", "etcd", "", "[]")));
    }

    private static IEnumerable<string> SensitiveOf(K8sGpt.Core.Analysis.IAnalyzer analyzer, string yaml) =>
        Assert.Single(Assert.Single(SnapshotFixtures.Analyze(analyzer, yaml)).Failures).Sensitive.Select(static s => s.Unmasked);

    [Fact]
    public void Namespace_scan_still_reports_a_Subscription_without_an_OperatorGroup_when_the_groups_are_in_other_namespaces()
    {
        var yaml = OperatorGroup("team-a", "only") + Subscription("team-b", "redis", "AtLatestKnown", "[]");

        var finding = Assert.Single(SnapshotFixtures.Run(new OperatorGroupAnalyzer(), SnapshotFixtures.FromYaml(yaml, ns: "team-b")).Findings);

        Assert.Equal("team-b", finding.Name);
        Assert.Equal(["no OperatorGroup in namespace, so OLM will not install its Subscriptions (redis)"], Texts([finding]));
    }

    [Fact]
    public void Subscription_is_not_said_to_lack_an_OperatorGroup_when_OperatorGroups_could_not_be_read()
    {
        var yaml = Header(("operators.coreos.com", "OperatorGroup", "operatorgroups", "Forbidden")) + Subscription("team-c", "etcd", "", "[]");

        Assert.Empty(SnapshotFixtures.Analyze(new OperatorGroupAnalyzer(), yaml));
    }
}
