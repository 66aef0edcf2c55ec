using k8s.KubeConfigModels;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// What the kubeconfig says about the context in use beyond the client settings: its name, the server URL and the
/// credential plugin it runs. Cloud integrations read the cluster's identity from these (an EKS context runs
/// <c>aws eks get-token --cluster-name ...</c>).
/// </summary>
/// <param name="Name">Context name.</param>
/// <param name="Server">API server URL of the context's cluster, or empty.</param>
/// <param name="ExecCommand">Credential plugin command (<c>aws</c>, <c>aws-iam-authenticator</c>), or empty.</param>
/// <param name="ExecArguments">Its arguments.</param>
/// <param name="ExecEnvironment">Environment variables the kubeconfig sets for it (<c>AWS_PROFILE</c>).</param>
public sealed record KubeContextInfo(
    string Name,
    string Server,
    string ExecCommand,
    IReadOnlyList<string> ExecArguments,
    IReadOnlyDictionary<string, string> ExecEnvironment)
{
    /// <summary>The named context of a (merged) kubeconfig; parts it does not define read as empty.</summary>
    public static KubeContextInfo Of(K8SConfiguration config, string contextName)
    {
        var details = config.Contexts?.FirstOrDefault(c => c.Name == contextName)?.ContextDetails;
        var server = config.Clusters?.FirstOrDefault(c => c.Name == details?.Cluster)?.ClusterEndpoint?.Server ?? "";
        var exec = config.Users?.FirstOrDefault(u => u.Name == details?.User)?.UserCredentials?.ExternalExecution;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in exec?.EnvironmentVariables ?? [])
        {
            if (variable.TryGetValue("name", out var name) && variable.TryGetValue("value", out var value))
            {
                environment[name] = value;
            }
        }

        return new KubeContextInfo(contextName, server, exec?.Command ?? "", [.. exec?.Arguments ?? []], environment);
    }
}
