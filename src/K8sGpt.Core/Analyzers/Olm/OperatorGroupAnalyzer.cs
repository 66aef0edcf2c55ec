using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Namespaces with more than one OperatorGroup (OLM refuses to install into them) and namespaces with a
/// Subscription but no OperatorGroup (nothing will install). Results are named by namespace.
/// </summary>
public sealed class OperatorGroupAnalyzer : IAnalyzer
{
    public string Name => "OperatorGroup";

    public AnalyzerTier Tier => AnalyzerTier.Optional;

    public IReadOnlyList<ResourceRead> Reads =>
        [ResourceRead.Primary(CustomResources.OperatorGroups), ResourceRead.Lookup(CustomResources.Subscriptions)];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var groupsByNs = snapshot.AllUnstructured(CustomResources.OperatorGroups)
            .GroupBy(static g => g.Metadata?.NamespaceProperty ?? "")
            .ToDictionary(static g => g.Key, static g => g.Select(static o => o.Metadata?.Name ?? "").Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var selectedNs = snapshot.SelectedUnstructured(CustomResources.OperatorGroups)
            .Select(static g => g.Metadata?.NamespaceProperty ?? "")
            .ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();

        foreach (var (ns, names) in groupsByNs.Where(kv => kv.Value.Length > 1 && selectedNs.Contains(kv.Key)))
        {
            findings.Add(Result(ns, Failure.Of(
                "OperatorGroupDuplicate",
                $"{names.Length} OperatorGroups in namespace ({string.Join(", ", names)}); this can break CSV resolution",
                "metadata.namespace",
                [ns, .. names])));
        }

        var subscribedNs = snapshot.AllUnstructured(CustomResources.Subscriptions)
            .Where(s => snapshot.Scope.Selector.Matches(s.Metadata?.Labels))
            .GroupBy(static s => s.Metadata?.NamespaceProperty ?? "");
        foreach (var subscriptions in subscribedNs)
        {
            var ns = subscriptions.Key;
            if (groupsByNs.ContainsKey(ns))
            {
                continue;
            }

            if (snapshot.WhyUnknown(CustomResources.OperatorGroups, ns) is { } why)
            {
                context.ReportNotChecked(why, "namespace with Subscriptions", "namespaces with Subscriptions");
                continue;
            }

            var names = subscriptions.Select(static s => s.Metadata?.Name ?? "").Order(StringComparer.Ordinal).ToArray();
            findings.Add(Result(ns, Failure.Of(
                "OperatorGroupMissing",
                $"no OperatorGroup in namespace, so OLM will not install its Subscriptions ({string.Join(", ", names)})",
                "metadata.namespace",
                [ns, .. names])));
        }

        return findings;
    }

    private static Finding Result(string ns, Failure failure) => new()
    {
        Kind = "OperatorGroup",
        ObjectName = ns,
        Failures = [failure],
    };
}
