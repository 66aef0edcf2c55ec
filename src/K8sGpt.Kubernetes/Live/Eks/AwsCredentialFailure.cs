using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>
/// Words for a failure to obtain AWS credentials that never quote the SDK's message: those messages can carry the
/// offending line of a credentials file or the output of a <c>credential_process</c>, which is where secrets live.
/// </summary>
internal static partial class AwsCredentialFailure
{
    public static string Describe(Exception exception, string source) => exception switch
    {
        InvalidDataException ex when LinePattern().Match(ex.Message) is { Success: true } line =>
            $"the AWS shared credentials/config files are malformed at line {line.Groups[1].Value} (the line is not shown: it may hold a secret)",
        InvalidDataException => "the AWS shared credentials/config files are malformed",
        ProcessAWSCredentialException => $"the credential_process of {source} failed or printed something other than the expected JSON",
        TimeoutException => $"obtaining credentials from {source} did not finish in time (a credential_process or SSO login that waits?)",
        UnauthorizedAccessException or IOException => $"the AWS shared files could not be read ({exception.GetType().Name})",
        _ => $"{source} could not produce credentials ({exception.GetType().Name}); `aws sts get-caller-identity` shows why",
    };

    [GeneratedRegex(@"^Line (\d+):")]
    private static partial Regex LinePattern();
}
