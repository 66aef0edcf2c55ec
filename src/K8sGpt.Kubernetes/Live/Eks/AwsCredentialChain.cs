using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>
/// Finds AWS credentials in the order the AWS tools use, reading only the environment it is given (so tests and
/// the server never depend on process-wide state): access keys, the named profile (the kubeconfig's, else
/// <c>AWS_PROFILE</c>), a web identity (IRSA), container credentials (EKS Pod Identity, ECS), the <c>default</c>
/// profile, and, only in-cluster, the node's instance profile. Nothing found is an answer, not an error.
/// </summary>
internal static class AwsCredentialChain
{
    /// <summary>Credentials and where they came from (no secret in it), or null with the places looked at.</summary>
    public sealed record Found(AWSCredentials Credentials, string Source, string ProfileRegion);

    public static (Found? Credentials, string WhyNot) Resolve(string kubeconfigProfile, Func<string, string?> environment)
    {
        if (environment("AWS_ACCESS_KEY_ID") is { Length: > 0 } keyId && environment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
        {
            var credentials = environment("AWS_SESSION_TOKEN") is { Length: > 0 } token
                ? new SessionAWSCredentials(keyId, secret, token)
                : (AWSCredentials)new BasicAWSCredentials(keyId, secret);
            return (new(credentials, "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", ""), "");
        }

        var file = CredentialsFile(environment);
        var store = file is null ? null : new CredentialProfileStoreChain(file);
        var profile = kubeconfigProfile.Length > 0 ? kubeconfigProfile : environment("AWS_PROFILE") ?? environment("AWS_DEFAULT_PROFILE") ?? "";
        if (profile.Length > 0)
        {
            var where = kubeconfigProfile.Length > 0 ? "the kubeconfig's credential plugin" : "AWS_PROFILE";
            return FromProfile(store, profile) is { } named
                ? (named with { Source = $"profile {profile} (from {where})" }, "")
                : (null, $"AWS profile \"{profile}\" (from {where}) has no usable credentials in {file ?? "the shared AWS files (HOME is not set)"}");
        }

        if (environment("AWS_WEB_IDENTITY_TOKEN_FILE") is { Length: > 0 } tokenFile && environment("AWS_ROLE_ARN") is { Length: > 0 } role)
        {
            var session = environment("AWS_ROLE_SESSION_NAME") is { Length: > 0 } name ? name : "k8sgpt";
            return (new(new AssumeRoleWithWebIdentityCredentials(tokenFile, role, session), $"web identity for role {role}", ""), "");
        }

        if (environment("AWS_CONTAINER_CREDENTIALS_FULL_URI") is { Length: > 0 } || environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is { Length: > 0 })
        {
            return (new(new GenericContainerCredentials(), "container credentials (AWS_CONTAINER_CREDENTIALS_*)", ""), "");
        }

        if (FromProfile(store, "default") is { } fallback)
        {
            return (fallback with { Source = "profile default" }, "");
        }

        // The instance metadata service only answers on AWS hosts; probing it from a laptop costs seconds of timeouts.
        if (environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && environment("AWS_EC2_METADATA_DISABLED") is not "true")
        {
            return (new(new InstanceProfileAWSCredentials(), "the node's instance profile", ""), "");
        }

        return (null, "no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where IRSA or EKS Pod Identity provides them");
    }

    private static Found? FromProfile(CredentialProfileStoreChain? store, string name)
    {
        if (store is null || !store.TryGetProfile(name, out var profile) || !store.TryGetAWSCredentials(name, out var credentials))
        {
            return null;
        }

        return new(credentials, $"profile {name}", profile.Region?.SystemName ?? "");
    }

    /// <summary>
    /// <c>AWS_SHARED_CREDENTIALS_FILE</c>, else <c>~/.aws/credentials</c> under the given HOME (the SDK finds
    /// <c>config</c> beside it); null without a HOME, rather than letting the SDK read the process's own.
    /// </summary>
    private static string? CredentialsFile(Func<string, string?> environment)
    {
        if (environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } file)
        {
            return file;
        }

        var home = environment("HOME") ?? environment("USERPROFILE");
        return home is { Length: > 0 } ? Path.Combine(home, ".aws", "credentials") : null;
    }
}
