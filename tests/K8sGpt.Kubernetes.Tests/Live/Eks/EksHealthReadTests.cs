using K8sGpt.Core.Analysis;
using K8sGpt.Core.Integrations;
using K8sGpt.Core.Integrations.Aws;
using K8sGpt.Core.Snapshot;
using K8sGpt.Kubernetes.Live.Eks;
using K8sGpt.Testing.FakeAi;
using K8sGpt.Testing.FakeAws;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Kubernetes.Tests.Live.Eks;

public sealed class EksHealthReadTests
{
    private static async Task<EksLiveCluster> DegradedProdAsync()
    {
        var cluster = await EksLiveCluster.StartAsync();
        cluster.Eks.AddCluster("prod", issues: ("Ec2SubnetNotFound", "One or more subnets were deleted.", ["subnet-0a1b2c"]));
        cluster.Eks.AddCluster("staging");
        cluster.Eks.AddNodeGroup("prod", "general");
        cluster.Eks.AddNodeGroup("prod", "gpu", "DEGRADED", ("AsgInstanceLaunchFailures", "Could not launch On-Demand Instances.", ["eks-gpu-asg"]));
        cluster.Eks.AddAddon("prod", "vpc-cni");
        cluster.Eks.AddAddon("prod", "coredns", "DEGRADED", ("InsufficientNumberOfReplicas", "The add-on is unhealthy.", []));
        cluster.Eks.AddNodeGroup("staging", "broken", "CREATE_FAILED");
        return cluster;
    }

    [Fact]
    public async Task Health_of_the_context_cluster_is_read_with_signed_calls_and_reported()
    {
        await using var cluster = await DegradedProdAsync();

        var snapshot = await cluster.LoadAsync(cluster.Environment());
        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot);

        Assert.Equal(ReadState.Loaded, snapshot.StatusOf(IntegrationResources.EksClusterHealth).State);
        Assert.Empty(errors);
        Assert.Equal(["prod", "prod/nodegroup/gpu", "prod/addon/coredns"], findings.Select(static f => f.Name));
        Assert.Equal(
            "EKS cluster prod (us-west-2) reports a control-plane health issue: Ec2SubnetNotFound: One or more subnets were deleted. (resources: subnet-0a1b2c)",
            findings[0].Failures.Single().Text);

        // Only the context's cluster is read, each part once, all signed for us-west-2 (the fake checks each signature).
        Assert.Equal(
            ["eks:DescribeAddon coredns", "eks:DescribeAddon vpc-cni", "eks:DescribeCluster prod", "eks:DescribeNodegroup general", "eks:DescribeNodegroup gpu", "eks:ListAddons addons", "eks:ListNodegroups node-groups"],
            cluster.Eks.Requests.Select(static r => $"{r.Action} {r.Target.Split('?')[0].Split('/')[^1]}").Order(StringComparer.Ordinal));
        Assert.All(cluster.Eks.Requests, static r => Assert.Equal("us-west-2", r.Region));
    }

    [Fact]
    public async Task Context_that_is_not_eks_is_skipped_with_a_note_and_aws_is_never_called()
    {
        await using var cluster = await EksLiveCluster.StartAsync(context: "kind-dev");

        var snapshot = await cluster.LoadAsync(cluster.Environment());
        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot, out var notes);

        Assert.Empty(findings);
        Assert.Empty(errors);
        var note = Assert.Single(notes);
        Assert.StartsWith("[EKS] skipped: context kind-dev (server http://127.0.0.1:", note, StringComparison.Ordinal);
        Assert.EndsWith("is not an Amazon EKS cluster (set K8SGPT_EKS_CLUSTER and AWS_REGION to name one)", note, StringComparison.Ordinal);
        Assert.Empty(cluster.Eks.Requests);
    }

    [Fact]
    public async Task Eks_context_without_aws_credentials_is_skipped_with_a_note_naming_what_to_set()
    {
        await using var cluster = await DegradedProdAsync();
        using var home = new TempDirectory();

        var snapshot = await cluster.LoadAsync(cluster.Environment(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("HOME", home.Path)));
        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot, out var notes);

        Assert.Empty(findings);
        Assert.Empty(errors);
        Assert.Equal(
            [$"[EKS] skipped: context {EksLiveCluster.Arn} shows an EKS cluster, but no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where IRSA or EKS Pod Identity provides them"],
            notes);
        Assert.Empty(cluster.Eks.Requests);
    }

    [Fact]
    public async Task Profile_from_the_shared_credentials_file_signs_the_calls()
    {
        await using var cluster = await DegradedProdAsync();
        using var home = new TempDirectory();
        var credentials = Path.Combine(home.Path, "credentials");
        await File.WriteAllTextAsync(credentials, $"[default]\naws_access_key_id = AKIAWRONGWRONGWRONG1\naws_secret_access_key = wrong\n\n[platform]\naws_access_key_id = {FakeEksServer.AccessKey}\naws_secret_access_key = {FakeEksServer.SecretKey}\n");

        var snapshot = await cluster.LoadAsync(cluster.Environment(
            ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SHARED_CREDENTIALS_FILE", credentials), ("AWS_PROFILE", "platform")));

        Assert.Equal(ReadState.Loaded, snapshot.StatusOf(IntegrationResources.EksClusterHealth).State);
        Assert.Equal(["prod"], snapshot.AllUnstructured(IntegrationResources.EksClusterHealth).Select(static o => o.Metadata.Name));
    }

    [Fact]
    public async Task Named_profile_that_does_not_exist_is_skipped_with_a_note_naming_it()
    {
        await using var cluster = await DegradedProdAsync();
        using var home = new TempDirectory();

        var snapshot = await cluster.LoadAsync(cluster.Environment(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("HOME", home.Path), ("AWS_PROFILE", "nope")));

        var status = snapshot.StatusOf(IntegrationResources.EksClusterHealth);
        Assert.Equal(ReadState.NotServed, status.State);
        Assert.Contains("AWS profile \"nope\" (from AWS_PROFILE) has no usable credentials", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_describe_cluster_is_an_error_naming_the_iam_action()
    {
        await using var cluster = await DegradedProdAsync();
        cluster.Eks.Denied["eks:DescribeCluster"] = true;

        var snapshot = await cluster.LoadAsync(cluster.Environment());
        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), snapshot);

        Assert.Empty(findings);
        var error = Assert.Single(errors);
        Assert.StartsWith("[EKS] AWS denied eks:DescribeCluster to AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: eks:DescribeCluster failed: HTTP 403 AccessDeniedException: User: arn:aws:iam::123456789012:user/k8sgpt is not authorized", error, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeEksServer.SecretKey, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_addon_calls_still_report_the_degraded_node_group()
    {
        await using var cluster = await DegradedProdAsync();
        cluster.Eks.Denied["eks:ListAddons"] = true;

        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), await cluster.LoadAsync(cluster.Environment()));

        Assert.Equal(["prod", "prod/nodegroup/gpu"], findings.Select(static f => f.Name));
        Assert.Equal(["[EKS] prod: add-ons not checked: eks:ListAddons failed: HTTP 403 AccessDeniedException: User: arn:aws:iam::123456789012:user/k8sgpt is not authorized to perform: eks:ListAddons"], errors);
    }

    [Fact]
    public async Task Wrong_secret_is_reported_as_a_failed_call_not_a_crash()
    {
        await using var cluster = await DegradedProdAsync();

        var snapshot = await cluster.LoadAsync(cluster.Environment(("AWS_SECRET_ACCESS_KEY", "not-the-secret")));

        var status = snapshot.StatusOf(IntegrationResources.EksClusterHealth);
        Assert.Equal(ReadState.Failed, status.State);
        Assert.StartsWith("eks:DescribeCluster failed: HTTP 403 InvalidSignatureException: The request signature we calculated does not match", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_named_by_the_context_but_absent_from_the_account_says_so()
    {
        await using var cluster = await EksLiveCluster.StartAsync();

        var status = (await cluster.LoadAsync(cluster.Environment())).StatusOf(IntegrationResources.EksClusterHealth);

        Assert.Equal(ReadState.Failed, status.State);
        Assert.Equal($"EKS cluster prod (named by context {EksLiveCluster.Arn}) does not exist in us-west-2 for AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", status.Detail);
    }

    [Fact]
    public async Task Call_that_never_answers_ends_at_its_timeout_and_the_rest_is_read()
    {
        await using var cluster = await DegradedProdAsync();
        cluster.Eks.Hanging["eks:DescribeAddon"] = true;

        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), await cluster.LoadAsync(cluster.Environment(), timeout: TimeSpan.FromSeconds(2)));

        Assert.Equal(["prod", "prod/nodegroup/gpu"], findings.Select(static f => f.Name));
        Assert.Equal(
            ["[EKS] prod: add-ons: coredns, vpc-cni not checked: eks:DescribeAddon did not answer within 2 s"],
            errors);
    }

    [Fact]
    public async Task Node_groups_are_read_across_pages()
    {
        await using var cluster = await DegradedProdAsync();
        cluster.Eks.PageSize = 1;
        for (var i = 0; i < 3; i++)
        {
            cluster.Eks.AddNodeGroup("prod", $"extra-{i}", "DEGRADED");
        }

        var (findings, _) = SnapshotFixtures.Run(new EksAnalyzer(), await cluster.LoadAsync(cluster.Environment()));

        Assert.Equal(5, cluster.Eks.Requests.Count(static r => r.Action == "eks:ListNodegroups"));
        Assert.Equal(["prod/nodegroup/extra-0", "prod/nodegroup/extra-1", "prod/nodegroup/extra-2", "prod/nodegroup/gpu"], findings.Select(static f => f.Name).Where(static n => n.Contains("nodegroup", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Eks_health_is_read_alongside_kubernetes_lists_without_touching_the_api_server_for_it()
    {
        await using var cluster = await DegradedProdAsync();

        ResourceRead[] reads = [ResourceRead.Primary(KnownResources.Namespaces), .. EksLiveCluster.Reads];
        var snapshot = await cluster.LoadAsync(cluster.Environment(), reads: reads);

        Assert.Single(snapshot.All<k8s.Models.V1Namespace>());
        Assert.Single(snapshot.AllUnstructured(IntegrationResources.EksClusterHealth));
        Assert.DoesNotContain(cluster.Kubernetes.Server.Requests.All, static r => r.Path.Contains("k8sgpt", StringComparison.Ordinal) || r.Path.Contains("eks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_api_costs_one_budget_for_all_calls_and_one_counted_error()
    {
        await using var cluster = await DegradedProdAsync();
        for (var i = 0; i < 12; i++)
        {
            cluster.Eks.AddNodeGroup("prod", $"slow-{i:00}");
        }

        cluster.Eks.Hanging["eks:DescribeNodegroup"] = true;

        // Call timeout 1 s, so the budget for all EKS calls together is 2 s. How many calls each reason gets depends
        // on timing; what does not: 14 calls of at least 1 s each, 4 at a time, cannot all end inside 2 s, so the
        // budget cuts or stops some of them, and the failures come as at most one line per reason.
        var (findings, errors) = SnapshotFixtures.Run(new EksAnalyzer(), await cluster.LoadAsync(cluster.Environment(), timeout: TimeSpan.FromSeconds(1)));

        Assert.Equal(["prod", "prod/addon/coredns"], findings.Select(static f => f.Name));
        Assert.InRange(errors.Count, 1, 3);
        Assert.All(errors, static e => Assert.StartsWith("[EKS] prod: managed node groups: ", e, StringComparison.Ordinal));
        Assert.Contains(errors, static e => e.EndsWith("the EKS calls used up their 2 s together", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calls_past_the_budget_are_not_sent()
    {
        await using var eks = await FakeEksServer.StartAsync();
        eks.AddCluster("prod");
        using var api = new EksApi(
            new Amazon.Runtime.BasicAWSCredentials(FakeEksServer.AccessKey, FakeEksServer.SecretKey), "us-west-2", new Uri(eks.Url + "/"), TimeSpan.FromSeconds(30), TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<EksApiException>(() => api.DescribeClusterAsync("prod", CancellationToken.None));

        Assert.Equal("eks:DescribeCluster not sent: the EKS calls used up their 0 s together", error.Message);
        Assert.Empty(eks.Requests);
    }
}
