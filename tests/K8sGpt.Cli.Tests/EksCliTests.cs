using System.Text.Json.Nodes;
using K8sGpt.Core.Config;
using K8sGpt.Testing.FakeAws;

namespace K8sGpt.Cli.Tests;

/// <summary>The aws integration from the command line: a fake API server whose context is an EKS ARN, and a fake EKS API.</summary>
public sealed class EksCliTests : IAsyncLifetime
{
    private const string Arn = "arn:aws:eks:us-west-2:123456789012:cluster/prod";

    private LiveCliHarness _harness = null!;
    private FakeEksServer _eks = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        _harness = await LiveCliHarness.StartAsync(LiveFixtures.Cluster);
        _eks = await FakeEksServer.StartAsync();
        _kubeconfig = _harness.Server.WriteKubeConfig(_harness.Directory, Arn, fileName: "eks-kubeconfig");
        _eks.AddCluster("prod", issues: ("Ec2SubnetNotFound", "One or more subnets were deleted.", ["subnet-0a1b2c"]));
        _eks.AddNodeGroup("prod", "general");
        _eks.AddNodeGroup("prod", "gpu", "DEGRADED", ("AsgInstanceLaunchFailures", "Could not launch On-Demand Instances.", ["eks-gpu-asg"]));
        _eks.AddAddon("prod", "vpc-cni");
        _harness.Variables["AWS_ACCESS_KEY_ID"] = FakeEksServer.AccessKey;
        _harness.Variables["AWS_SECRET_ACCESS_KEY"] = FakeEksServer.SecretKey;
        _harness.Variables["AWS_ENDPOINT_URL_EKS"] = _eks.Url;
    }

    public async Task DisposeAsync()
    {
        await _eks.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Analyze_with_the_eks_filter_reports_what_aws_says_about_the_context_cluster()
    {
        var (exit, stdout, err) = await _harness.RunAsync("analyze", "--kubeconfig", _kubeconfig, "--filter", "EKS");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        Assert.Contains("EKS prod", stdout, StringComparison.Ordinal);
        Assert.Contains("- Error: EKS cluster prod (us-west-2) reports a control-plane health issue: Ec2SubnetNotFound: One or more subnets were deleted. (resources: subnet-0a1b2c)", stdout, StringComparison.Ordinal);
        Assert.Contains("EKS prod/nodegroup/gpu", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("general", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeEksServer.SecretKey, stdout + err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymized_json_masks_the_cluster_account_and_aws_resource_ids()
    {
        var (exit, stdout, _) = await _harness.RunAsync("analyze", "--kubeconfig", _kubeconfig, "--filter", "EKS", "--anonymize", "-o", "json");

        Assert.Equal(0, exit);
        var results = JsonNode.Parse(stdout)!["results"]!.AsArray();
        Assert.Equal(["EKS", "EKS"], results.Select(static r => r!["kind"]!.GetValue<string>()));
        var sensitive = results.SelectMany(static r => r!["error"]!.AsArray()).SelectMany(static e => e!["Sensitive"]!.AsArray()).ToArray();
        Assert.Contains(sensitive, static s => s!["Unmasked"]!.GetValue<string>() == "subnet-0a1b2c");
        Assert.All(sensitive, static s => Assert.NotEqual(s!["Unmasked"]!.GetValue<string>(), s["Masked"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_dump_carries_the_eks_health_so_the_offline_run_gives_the_same_results()
    {
        var dump = _harness.PathOf("eks-dump.json");
        var (dumpExit, _, dumpErr) = await _harness.RunAsync("dump", "--kubeconfig", _kubeconfig, "-o", dump);
        var (_, live, _) = await _harness.RunAsync("analyze", "--kubeconfig", _kubeconfig, "--filter", "EKS", "-o", "json");
        var calls = _eks.Requests.Count;

        _harness.Variables.Clear();
        var (exit, offline, _) = await _harness.RunAsync("analyze", "--snapshot", dump, "--filter", "EKS", "-o", "json");

        Assert.Equal(0, dumpExit);
        Assert.Contains("  eksclusterhealths.aws.k8sgpt.ai: 1", dumpErr, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Equal(live, offline);
        Assert.Equal(calls, _eks.Requests.Count);
    }

    [Fact]
    public async Task Context_that_is_not_eks_says_why_nothing_was_checked()
    {
        var (exit, stdout, err) = await _harness.RunAsync("analyze", "--kubeconfig", _harness.KubeConfig, "--filter", "EKS", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        var report = JsonNode.Parse(stdout)!;
        Assert.Null(report["results"]);
        Assert.Contains("is not an Amazon EKS cluster", report.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_eks.Requests);
    }

    [Fact]
    public async Task Activate_aws_adds_eks_after_the_core_analyzers_without_needing_a_cluster()
    {
        var (exit, stdout, _) = await _harness.RunAsync("integration", "activate", "aws");
        var (_, list, _) = await _harness.RunAsync("integration", "list", "--kubeconfig", _harness.KubeConfig);
        var (_, filters, _) = await _harness.RunAsync("filters", "list");

        Assert.Equal(0, exit);
        Assert.StartsWith("Integration aws activated: EKS added to active_filters\nNote: nothing is checked now: at analysis time the EKS analyzer asks AWS", stdout, StringComparison.Ordinal);
        Assert.Equal("EKS", new ConfigStore(_harness.ConfigPath).Load().ActiveFilters[^1]);
        Assert.Equal(15, new ConfigStore(_harness.ConfigPath).Load().ActiveFilters.Count);
        Assert.Contains("> aws: EKS", list.Split("Unused:")[0], StringComparison.Ordinal);
        Assert.Contains("> EKS (integration)", filters, StringComparison.Ordinal);
    }
}
