namespace K8sGpt.Kubernetes.Live;

/// <summary>How a <see cref="LiveClusterSource"/> finds and reads the cluster.</summary>
public sealed record LiveClusterOptions
{
    /// <summary><c>--kubeconfig</c>: explicit kubeconfig path, or null to use <c>$KUBECONFIG</c>, <c>~/.kube/config</c> or in-cluster.</summary>
    public string? KubeConfigPath { get; init; }

    /// <summary><c>--kubecontext</c>: context to use instead of the current one.</summary>
    public string? Context { get; init; }

    /// <summary>Environment lookup (tests pass their own, so nothing reads process-wide state).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Objects per page of a list (<c>limit</c>).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>How many lists run at once.</summary>
    public int MaxConcurrentLists { get; init; } = 8;

    /// <summary>Time allowed for one resource type's list, all pages included.</summary>
    public TimeSpan ListTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for discovery requests (version, API groups, namespace check).</summary>
    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>--with-doc</c>: also fetch the OpenAPI v2 document (one request) and keep the field descriptions of the
    /// types read, in <see cref="LiveClusterSource.FieldDocs"/>.
    /// </summary>
    public bool ReadOpenApi { get; init; }
}
