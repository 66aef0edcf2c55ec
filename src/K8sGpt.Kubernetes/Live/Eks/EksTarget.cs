using System.Text.RegularExpressions;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>
/// Which EKS cluster the current context talks to, read from the kubeconfig the way the AWS tools write it: a context
/// named by the cluster ARN (<c>aws eks update-kubeconfig</c>), the credential plugin's arguments
/// (<c>aws eks get-token --cluster-name X --region R</c>, <c>aws-iam-authenticator token -i X</c>), an eksctl context
/// (<c>user@X.R.eksctl.io</c>) or an EKS endpoint host (<c>*.R.eks.amazonaws.com</c>). <c>K8SGPT_EKS_CLUSTER</c>
/// names the cluster where none of these can (in-cluster, where the server is a service IP).
/// </summary>
/// <param name="ClusterName">Cluster name, or empty when only the endpoint is known (then it is found by listing).</param>
/// <param name="Region">AWS region, or empty when nothing in the kubeconfig or environment names one.</param>
/// <param name="Server">The API server URL of the context, to match a listed cluster's endpoint.</param>
/// <param name="Profile">AWS profile the kubeconfig runs its credential plugin with, or empty.</param>
/// <param name="Evidence">What showed this is EKS, for messages.</param>
public sealed partial record EksTarget(string ClusterName, string Region, string Server, string Profile, string Evidence)
{
    /// <summary>Environment variable naming the EKS cluster when the kubeconfig cannot (in-cluster runs).</summary>
    public const string ClusterVariable = "K8SGPT_EKS_CLUSTER";

    /// <summary>The EKS cluster of the context, or null when nothing says it is one.</summary>
    public static EksTarget? Detect(KubeContextInfo? context, Func<string, string?> environment)
    {
        var server = context?.Server ?? "";
        var execEnvironment = context?.ExecEnvironment ?? new Dictionary<string, string>();
        var args = context?.ExecArguments ?? [];
        var profile = Option(args, "--profile") ?? execEnvironment.GetValueOrDefault("AWS_PROFILE") ?? "";
        var regionFromEnvironment = execEnvironment.GetValueOrDefault("AWS_REGION")
            ?? execEnvironment.GetValueOrDefault("AWS_DEFAULT_REGION")
            ?? environment("AWS_REGION")
            ?? environment("AWS_DEFAULT_REGION");
        var serverRegion = EndpointRegion(server);

        if (environment(ClusterVariable) is { Length: > 0 } named)
        {
            return new(named, serverRegion ?? Option(args, "--region") ?? regionFromEnvironment ?? "", server, profile, $"{ClusterVariable}={named}");
        }

        if (context is null)
        {
            return null;
        }

        if (ArnPattern().Match(context.Name) is { Success: true } arn)
        {
            return new(arn.Groups["name"].Value, arn.Groups["region"].Value, server, profile, $"context {context.Name}");
        }

        var command = Path.GetFileNameWithoutExtension(context.ExecCommand);
        if (command == "aws" && args.Contains("eks") && args.Contains("get-token"))
        {
            return new(
                Option(args, "--cluster-name") ?? Option(args, "--cluster-id") ?? "",
                Option(args, "--region") ?? serverRegion ?? regionFromEnvironment ?? "",
                server,
                profile,
                $"context {context.Name} runs `aws eks get-token`");
        }

        if (command == "aws-iam-authenticator")
        {
            return new(
                Option(args, "-i") ?? Option(args, "--cluster-id") ?? "",
                Option(args, "--region") ?? serverRegion ?? regionFromEnvironment ?? "",
                server,
                profile,
                $"context {context.Name} runs aws-iam-authenticator");
        }

        if (EksctlPattern().Match(context.Name) is { Success: true } eksctl)
        {
            return new(eksctl.Groups["name"].Value, eksctl.Groups["region"].Value, server, profile, $"eksctl context {context.Name}");
        }

        return serverRegion is not null
            ? new("", serverRegion, server, profile, $"server {server}")
            : null;
    }

    /// <summary>The region of an EKS endpoint (<c>https://ABC.gr7.us-west-2.eks.amazonaws.com</c>), or null for other hosts.</summary>
    private static string? EndpointRegion(string server) =>
        Uri.TryCreate(server, UriKind.Absolute, out var uri) && EndpointPattern().Match(uri.Host) is { Success: true } match
            ? match.Groups["region"].Value
            : null;

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c>, or null.</summary>
    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    [GeneratedRegex(@"\Aarn:aws[a-z-]*:eks:(?<region>[a-z0-9-]+):\d{12}:cluster/(?<name>[A-Za-z0-9][A-Za-z0-9_-]*)\z")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"\A[^@]+@(?<name>[A-Za-z0-9][A-Za-z0-9_-]*)\.(?<region>[a-z]{2}(-gov)?-[a-z]+-\d)\.eksctl\.io\z")]
    private static partial Regex EksctlPattern();

    [GeneratedRegex(@"\.(?<region>[a-z]{2}(-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointPattern();
}
