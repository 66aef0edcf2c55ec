using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Aws;

/// <summary>
/// Amazon EKS health as AWS reports it (the <c>aws</c> integration): a failed cluster, control-plane health issues,
/// and managed node groups or add-ons that failed, are degraded or carry health issues. The live source reads the
/// cluster behind the current context from the AWS API; when the context is not EKS or no AWS credentials are
/// found, the analyzer is skipped with a note saying why, never an error.
/// </summary>
public sealed class EksAnalyzer : IAnalyzer
{
    /// <summary>The kind of every result, as the reference reports it.</summary>
    public const string ResultKind = "EKS";

    private static readonly HashSet<string> s_failedClusterStatuses = new(["FAILED"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_failedNodeGroupStatuses = new(["CREATE_FAILED", "DELETE_FAILED", "DEGRADED"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_failedAddonStatuses = new(["CREATE_FAILED", "DELETE_FAILED", "UPDATE_FAILED", "DEGRADED"], StringComparer.Ordinal);

    public string Name => "EKS";

    public AnalyzerTier Tier => AnalyzerTier.Integration;

    // A lookup, not a primary read: the runner's skip messages speak of Kubernetes APIs, so this analyzer says itself
    // why it could not look (not EKS, no credentials, a denied AWS call).
    public IReadOnlyList<ResourceRead> Reads { get; } = [ResourceRead.Lookup(IntegrationResources.EksClusterHealth)];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        ReportWhatWasNotRead(snapshot.StatusOf(IntegrationResources.EksClusterHealth), context);
        var findings = new List<Finding>();
        foreach (var obj in snapshot.AllUnstructured(IntegrationResources.EksClusterHealth))
        {
            var cluster = EksClusterHealth.FromObject(obj, out var malformed);
            foreach (var unread in cluster.Unread.Concat(malformed))
            {
                context.ReportError(cluster.ClusterName, unread);
            }

            findings.AddRange(Check(cluster));
        }

        return findings;
    }

    private static IEnumerable<Finding> Check(EksClusterHealth cluster)
    {
        var name = cluster.ClusterName;
        var where = cluster.Region.Length > 0 ? $"EKS cluster {name} ({cluster.Region})" : $"EKS cluster {name}";
        var account = AccountOf(cluster.Arn);
        var clusterFailures = new List<Failure>();
        if (s_failedClusterStatuses.Contains(cluster.Status))
        {
            clusterFailures.Add(Failure.Of("EksClusterFailed", $"{where} is in status {cluster.Status}: its control plane is not usable", "", name, account));
        }

        clusterFailures.AddRange(cluster.Issues.Select(issue => IssueFailure("EksClusterIssue", $"{where} reports a control-plane health issue", issue, name, account)));
        if (clusterFailures.Count > 0)
        {
            yield return Result(name, clusterFailures);
        }

        foreach (var group in cluster.NodeGroups)
        {
            var failures = ComponentFailures(group, s_failedNodeGroupStatuses, $"managed node group {group.Name} of {where}", "EksNodeGroup", name, account);
            if (failures.Count > 0)
            {
                yield return Result($"{name}/nodegroup/{group.Name}", failures);
            }
        }

        foreach (var addon in cluster.Addons)
        {
            var failures = ComponentFailures(addon, s_failedAddonStatuses, $"add-on {addon.Name}{(addon.Version.Length > 0 ? " " + addon.Version : "")} of {where}", "EksAddon", name, account);
            if (failures.Count > 0)
            {
                yield return Result($"{name}/addon/{addon.Name}", failures);
            }
        }
    }

    private static List<Failure> ComponentFailures(
        EksComponentHealth component, HashSet<string> failedStatuses, string what, string codePrefix, string clusterName, string account)
    {
        var failures = new List<Failure>();
        var failed = failedStatuses.Contains(component.Status);
        if (failed && component.Issues.Count == 0)
        {
            failures.Add(Failure.Of($"{codePrefix}{Pascal(component.Status)}", $"The {what} is {component.Status}, and AWS lists no health issue for it", "", clusterName, component.Name, account));
        }

        var lead = failed ? $"The {what} is {component.Status}" : $"The {what} reports a health issue";
        failures.AddRange(component.Issues.Select(issue =>
            IssueFailure($"{codePrefix}Issue", lead, issue, clusterName, component.Name, account)));
        return failures;
    }

    private static Failure IssueFailure(string code, string lead, EksIssue issue, params string?[] sensitive)
    {
        var resources = issue.ResourceIds.Count > 0 ? $" (resources: {string.Join(", ", issue.ResourceIds)})" : "";
        var message = issue.Message.Length > 0 ? $": {issue.Message}" : "";
        return Failure.Of(code, $"{lead}: {issue.Code}{message}{resources}", "", [.. sensitive, .. issue.ResourceIds]);
    }

    private static Finding Result(string objectName, IReadOnlyList<Failure> failures) => new()
    {
        Kind = ResultKind,
        ObjectName = objectName,
        Failures = failures,
    };

    /// <summary>The account id of an ARN (<c>arn:aws:eks:region:account:cluster/name</c>), masked with the names.</summary>
    private static string AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 5 ? parts[4] : "";
    }

    private static string Pascal(string status) =>
        string.Concat(status.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(static w => w[..1] + w[1..].ToLowerInvariant()));

    private static void ReportWhatWasNotRead(ResourceReadStatus status, AnalyzerContext context)
    {
        switch (status.State)
        {
            case ReadState.NotRequested:
                context.ReportNote("no EKS health in this snapshot: a live run, or a snapshot written by `k8sgpt dump` against an EKS cluster with AWS credentials, carries it");
                break;
            case ReadState.NotServed:
                context.ReportNote($"skipped: {status.Detail}");
                break;
            case ReadState.Forbidden:
            case ReadState.Failed:
                context.ReportError(status.Detail);
                break;
            case ReadState.Loaded when status.Detail.Length > 0:
                context.ReportNote(status.Detail);
                break;
        }
    }
}
