using K8sGpt.Core.Analysis;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Integrations.Aws;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers.Integrations;

public sealed class EksAnalyzerTests
{
    private static string Health(string status = "ACTIVE", string issues = "[]", string nodegroups = "[]", string addons = "[]", string unread = "[]") => $$"""
        apiVersion: aws.k8sgpt.ai/v1
        kind: EKSClusterHealth
        metadata: {name: prod}
        status:
          region: us-west-2
          arn: arn:aws:eks:us-west-2:123456789012:cluster/prod
          status: {{status}}
          version: "1.31"
          issues: {{issues}}
          nodegroups: {{nodegroups}}
          addons: {{addons}}
          unread: {{unread}}

        """;

    [Fact]
    public void Active_cluster_with_healthy_node_groups_and_addons_is_healthy()
    {
        var findings = SnapshotFixtures.Analyze(new EksAnalyzer(), Health(
            nodegroups: "[{name: general, status: ACTIVE, version: '1.31', issues: []}, {name: spot, status: UPDATING, issues: []}]",
            addons: "[{name: vpc-cni, status: ACTIVE, version: v1.19.0, issues: []}, {name: coredns, status: CREATING, issues: []}]"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Control_plane_health_issue_is_reported_with_code_message_and_resources()
    {
        var findings = SnapshotFixtures.Analyze(new EksAnalyzer(), Health(
            issues: "[{code: Ec2SubnetNotFound, message: 'One or more subnets were deleted.', resourceIds: [subnet-0a1b2c]}]"));

        var finding = Assert.Single(findings);
        Assert.Equal(("EKS", "prod"), (finding.Kind, finding.Name));
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("EksClusterIssue", failure.Code);
        Assert.Equal("EKS cluster prod (us-west-2) reports a control-plane health issue: Ec2SubnetNotFound: One or more subnets were deleted. (resources: subnet-0a1b2c)", failure.Text);
        Assert.Equal(["prod", "123456789012", "subnet-0a1b2c"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Failed_cluster_is_reported_and_transitional_states_are_not()
    {
        Assert.Equal(["EksClusterFailed"], ReadStates.Codes(SnapshotFixtures.Analyze(new EksAnalyzer(), Health(status: "FAILED"))));
        Assert.Empty(SnapshotFixtures.Analyze(new EksAnalyzer(), Health(status: "UPDATING")));
        Assert.Empty(SnapshotFixtures.Analyze(new EksAnalyzer(), Health(status: "CREATING")));
    }

    [Fact]
    public void Degraded_node_group_is_one_result_per_node_group_with_each_issue()
    {
        const string Gpu = "{name: gpu, status: DEGRADED, issues: ["
            + "{code: AsgInstanceLaunchFailures, message: 'Could not launch On-Demand Instances.', resourceIds: [eks-gpu-asg]}, "
            + "{code: NodeCreationFailure, message: 'Instances failed to join the kubernetes cluster'}]}";
        var findings = SnapshotFixtures.Analyze(new EksAnalyzer(), Health(nodegroups: $"[{{name: general, status: ACTIVE, issues: []}}, {Gpu}]"));

        var finding = Assert.Single(findings);
        Assert.Equal("prod/nodegroup/gpu", finding.Name);
        Assert.Equal(
            [
                "The managed node group gpu of EKS cluster prod (us-west-2) is DEGRADED: AsgInstanceLaunchFailures: Could not launch On-Demand Instances. (resources: eks-gpu-asg)",
                "The managed node group gpu of EKS cluster prod (us-west-2) is DEGRADED: NodeCreationFailure: Instances failed to join the kubernetes cluster",
            ],
            finding.Failures.Select(static f => f.Text));
        Assert.Contains("gpu", finding.Failures[0].Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Failed_status_without_issues_is_still_reported()
    {
        var findings = SnapshotFixtures.Analyze(new EksAnalyzer(), Health(
            nodegroups: "[{name: batch, status: CREATE_FAILED, issues: []}]",
            addons: "[{name: aws-ebs-csi-driver, status: UPDATE_FAILED, version: v1.37.0, issues: []}, {name: kube-proxy, status: DELETING, issues: []}]"));

        Assert.Equal(["EksNodeGroupCreateFailed", "EksAddonUpdateFailed"], ReadStates.Codes(findings));
        Assert.Equal(["prod/nodegroup/batch", "prod/addon/aws-ebs-csi-driver"], findings.Select(static f => f.Name));
        Assert.Equal(
            "The add-on aws-ebs-csi-driver v1.37.0 of EKS cluster prod (us-west-2) is UPDATE_FAILED, and AWS lists no health issue for it",
            findings[1].Failures[0].Text);
    }

    [Fact]
    public void Addon_health_issue_on_an_active_addon_is_reported()
    {
        var findings = SnapshotFixtures.Analyze(new EksAnalyzer(), Health(
            addons: "[{name: coredns, status: ACTIVE, version: v1.11.3, issues: [{code: InsufficientNumberOfReplicas, message: 'The add-on is unhealthy because it doesn''t have the desired number of replicas.'}]}]"));

        Assert.Equal(["prod/addon/coredns"], findings.Select(static f => f.Name));
        Assert.Equal(["EksAddonIssue"], ReadStates.Codes(findings));
    }

    [Fact]
    public void Parts_aws_could_not_be_asked_about_are_errors_and_the_rest_is_still_reported()
    {
        var snapshot = SnapshotFixtures.FromYaml(Health(
            nodegroups: "[{name: gpu, status: DEGRADED, issues: []}]",
            unread: "['add-ons not checked: eks:ListAddons failed: HTTP 403 AccessDeniedException']"));

        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot);

        Assert.Equal(["prod/nodegroup/gpu"], findings.Select(static f => f.Name));
        Assert.Equal(["[EKS] prod: add-ons not checked: eks:ListAddons failed: HTTP 403 AccessDeniedException"], errors);
    }

    [Fact]
    public void Snapshot_without_eks_health_gives_a_note_not_a_silent_all_clear()
    {
        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), SnapshotFixtures.FromYaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"), out var notes);

        Assert.Empty(findings);
        Assert.Empty(errors);
        Assert.Equal(["[EKS] no EKS health in this snapshot: a live run, or a snapshot written by `k8sgpt dump` against an EKS cluster with AWS credentials, carries it"], notes);
    }

    [Fact]
    public void Skip_reason_recorded_by_the_source_is_a_note_and_a_denied_call_is_an_error()
    {
        var skipped = Status(new ResourceReadStatus(ReadState.NotServed, "context kind-dev (server https://127.0.0.1:6443) is not an Amazon EKS cluster"));
        var denied = Status(new ResourceReadStatus(ReadState.Forbidden, "AWS denied eks:DescribeCluster to profile prod"));

        var (_, skipErrors) = SnapshotFixtures.Run(new EksAnalyzer(), skipped, out var skipNotes);
        var (_, deniedErrors) = SnapshotFixtures.Run(new EksAnalyzer(), denied, out var deniedNotes);

        Assert.Empty(skipErrors);
        Assert.Equal(["[EKS] skipped: context kind-dev (server https://127.0.0.1:6443) is not an Amazon EKS cluster"], skipNotes);
        Assert.Empty(deniedNotes);
        Assert.Equal(["[EKS] AWS denied eks:DescribeCluster to profile prod"], deniedErrors);
    }

    [Fact]
    public void Malformed_record_fields_are_errors_never_a_silent_all_clear()
    {
        var snapshot = SnapshotFixtures.FromYaml(Health(
            issues: "not a list",
            nodegroups: "[{name: 7, status: DEGRADED, issues: [{message: {x: y}}]}, {name: gpu, status: DEGRADED, issues: []}]",
            addons: "5"));

        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot);

        Assert.Equal(["prod/nodegroup/gpu"], findings.Select(static f => f.Name));
        Assert.Equal(
            [
                "[EKS] prod: status.addons is not a list: ignored",
                "[EKS] prod: status.issues is not a list: ignored",
                "[EKS] prod: status.nodegroups[0] has no name: ignored",
                "[EKS] prod: status.nodegroups[0].name is not a string: ignored",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "status is missing: the record says nothing about the cluster")]
    [InlineData("status: {}\n", "status.status is missing: the cluster's state is unknown")]
    public void Record_without_a_cluster_state_is_an_error_not_an_all_clear(string status, string error)
    {
        var snapshot = SnapshotFixtures.FromYaml("apiVersion: aws.k8sgpt.ai/v1\nkind: EKSClusterHealth\nmetadata: {name: prod}\n" + status);

        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot);

        Assert.Empty(findings);
        Assert.Equal([$"[EKS] prod: {error}"], errors);
    }

    [Fact]
    public void Record_whose_status_is_not_an_object_is_an_error()
    {
        var snapshot = SnapshotFixtures.FromYaml("apiVersion: aws.k8sgpt.ai/v1\nkind: EKSClusterHealth\nmetadata: {name: prod}\nstatus: oops\n");

        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot);

        Assert.Empty(findings);
        Assert.Equal(["[EKS] prod: status is not an object: the record was ignored"], errors);
    }

    [Fact]
    public void Health_round_trips_through_its_snapshot_object()
    {
        var health = new EksClusterHealth
        {
            ClusterName = "prod",
            Region = "eu-west-1",
            Arn = "arn:aws:eks:eu-west-1:123456789012:cluster/prod",
            Status = "ACTIVE",
            Version = "1.31",
            Issues = [new EksIssue("IamRoleNotFound", "role missing", ["arn:aws:iam::123456789012:role/eks"])],
            NodeGroups = [new EksComponentHealth("general", "DEGRADED", "1.31", [])],
            Addons = [new EksComponentHealth("vpc-cni", "ACTIVE", "v1.19.0", [])],
            Unread = ["add-ons: coredns not checked: timeout"],
        };

        var back = EksClusterHealth.FromObject(health.ToObject(), out var malformed);

        Assert.Empty(malformed);

        Assert.Equal(health with { Issues = [], NodeGroups = [], Addons = [], Unread = [] }, back with { Issues = [], NodeGroups = [], Addons = [], Unread = [] });
        Assert.Equal(health.Issues.Single().ResourceIds, back.Issues.Single().ResourceIds);
        Assert.Equal((health.Issues.Single().Code, health.Issues.Single().Message), (back.Issues.Single().Code, back.Issues.Single().Message));
        Assert.Equal(health.NodeGroups.Single() with { Issues = [] }, back.NodeGroups.Single() with { Issues = [] });
        Assert.Equal(health.Addons.Single() with { Issues = [] }, back.Addons.Single() with { Issues = [] });
        Assert.Equal(health.Unread, back.Unread);
    }

    [Fact]
    public async Task Eks_is_an_integration_filter_and_runs_through_the_pipeline_masked()
    {
        var snapshot = SnapshotFixtures.FromYaml(Health(issues: "[{code: Ec2SecurityGroupNotFound, message: 'sg deleted', resourceIds: [sg-0abc]}]"));

        var report = await SnapshotFixtures.RunPipelineAsync(snapshot, "EKS");

        Assert.Equal(AnalyzerTier.Integration, AnalyzerCatalog.Default.Get("EKS")?.Tier);
        Assert.Equal(IntegrationCatalog.Find("aws"), IntegrationCatalog.OwnerOf("EKS"));
        var failure = Assert.Single(Assert.Single(report.Results).Failures);
        Assert.DoesNotContain(failure.Sensitive, static s => s.Masked == s.Unmasked);
    }

    private static ClusterSnapshot Status(ResourceReadStatus status)
    {
        var builder = new ClusterSnapshotBuilder(ScanScope.Everything);
        builder.SetStatus(IntegrationResources.EksClusterHealth, status);
        return builder.Build();
    }
}
