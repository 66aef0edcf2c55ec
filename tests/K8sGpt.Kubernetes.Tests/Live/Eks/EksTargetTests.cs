using K8sGpt.Kubernetes.Live;
using K8sGpt.Kubernetes.Live.Eks;

namespace K8sGpt.Kubernetes.Tests.Live.Eks;

public sealed class EksTargetTests
{
    private static KubeContextInfo Context(string name, string server = "https://127.0.0.1:6443", string command = "", string[]? args = null, Dictionary<string, string>? env = null) =>
        new(name, server, command, args ?? [], env ?? []);

    private static EksTarget? Detect(KubeContextInfo? context, params (string Name, string Value)[] environment) =>
        EksTarget.Detect(context, name => environment.FirstOrDefault(e => e.Name == name).Value);

    [Fact]
    public void Context_named_by_the_cluster_arn_gives_name_and_region()
    {
        var target = Detect(Context("arn:aws:eks:eu-central-1:123456789012:cluster/payments"));

        Assert.Equal(("payments", "eu-central-1"), (target?.ClusterName, target?.Region));
    }

    [Fact]
    public void Aws_cli_credential_plugin_gives_name_region_and_profile()
    {
        var target = Detect(Context(
            "payments",
            command: "/usr/local/bin/aws",
            args: ["--region", "ap-south-1", "eks", "get-token", "--cluster-name=payments", "--output", "json"],
            env: new() { ["AWS_PROFILE"] = "platform" }));

        Assert.Equal(("payments", "ap-south-1", "platform"), (target?.ClusterName, target?.Region, target?.Profile));
    }

    [Fact]
    public void Profile_argument_wins_over_the_plugin_environment()
    {
        var target = Detect(Context(
            "payments",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", "payments", "--profile", "ops"],
            env: new() { ["AWS_PROFILE"] = "platform", ["AWS_REGION"] = "us-east-2" }));

        Assert.Equal(("ops", "us-east-2"), (target?.Profile, target?.Region));
    }

    [Fact]
    public void Aws_iam_authenticator_gives_the_cluster_id()
    {
        var target = Detect(Context("legacy", command: "aws-iam-authenticator", args: ["token", "-i", "legacy-cluster"]), ("AWS_REGION", "us-east-1"));

        Assert.Equal(("legacy-cluster", "us-east-1"), (target?.ClusterName, target?.Region));
    }

    [Fact]
    public void Eksctl_context_gives_name_and_region()
    {
        var target = Detect(Context("admin@analytics.us-gov-west-1.eksctl.io"));

        Assert.Equal(("analytics", "us-gov-west-1"), (target?.ClusterName, target?.Region));
    }

    [Fact]
    public void Eks_endpoint_alone_gives_the_region_and_leaves_the_name_to_be_found()
    {
        var target = Detect(Context("work", server: "https://0A1B2C3D4E5F.gr7.us-west-2.eks.amazonaws.com"));

        Assert.Equal(("", "us-west-2"), (target?.ClusterName, target?.Region));
        Assert.Equal("https://0A1B2C3D4E5F.gr7.us-west-2.eks.amazonaws.com", target?.Server);
    }

    [Fact]
    public void Other_clusters_are_not_eks_even_when_eks_appears_in_the_name()
    {
        Assert.Null(Detect(Context("kind-dev")));
        Assert.Null(Detect(Context("geeks-cluster", server: "https://geeks.example.com")));
        Assert.Null(Detect(Context("gke", command: "gke-gcloud-auth-plugin")));
        Assert.Null(Detect(null));
    }

    [Fact]
    public void Named_cluster_variable_covers_in_cluster_runs()
    {
        var target = Detect(null, (EksTarget.ClusterVariable, "prod"), ("AWS_REGION", "eu-west-1"));

        Assert.Equal(("prod", "eu-west-1"), (target?.ClusterName, target?.Region));
    }
}
