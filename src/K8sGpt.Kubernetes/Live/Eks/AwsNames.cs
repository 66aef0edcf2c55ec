using System.Text.RegularExpressions;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>Checks on AWS names and URLs that come from the kubeconfig or the environment, before any use.</summary>
internal static partial class AwsNames
{
    /// <summary>Whether a region name has the AWS form (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>cn-north-1</c>).</summary>
    public static bool IsRegion(string region) => RegionPattern().IsMatch(region);

    /// <summary>A URL fit to print: user name and password removed (proxy URLs often carry them).</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : UserInfoPattern().Replace(url, "://");

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"://[^/@\s]*@")]
    private static partial Regex UserInfoPattern();
}
