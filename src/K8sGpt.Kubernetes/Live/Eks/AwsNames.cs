using System.Text.RegularExpressions;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>Checks on AWS names and URLs that come from the kubeconfig or the environment, before any use.</summary>
internal static partial class AwsNames
{
    /// <summary>Whether a region name has the AWS form (<c>us-east-1</c>, <c>us-gov-west-1</c>, <c>cn-north-1</c>).</summary>
    public static bool IsRegion(string region) => RegionPattern().IsMatch(region);

    /// <summary>A URL fit to print: user name and password removed (proxy URLs often carry them).</summary>
    /// <remarks>Textual, up to the last <c>@</c>: an unencoded password may itself hold <c>/</c> or <c>@</c>.</remarks>
    public static string Redact(string url) => UserInfoPattern().Replace(url, "://");

    // \z, not $: $ also matches before a final line break, which would let "us-west-2\n" through.
    [GeneratedRegex(@"\A[a-z]{2}(-[a-z]+)+-\d{1,2}\z")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"://\S*@")]
    private static partial Regex UserInfoPattern();
}
