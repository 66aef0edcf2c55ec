using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations;

/// <summary>
/// Base for integration analyzers that check each selected custom resource of one type on its own (label selector
/// applied, per-object isolation). When the cluster does not serve the type, the runner skips the analyzer with a note.
/// </summary>
public abstract class CustomResourceAnalyzer(ResourceType type) : IAnalyzer
{
    public abstract string Name { get; }

    public AnalyzerTier Tier => AnalyzerTier.Integration;

    /// <summary>The custom resource type reported on.</summary>
    protected ResourceType Type { get; } = type;

    /// <summary>Types looked up while checking (read whole, never filtered by label).</summary>
    protected virtual IEnumerable<ResourceType> Lookups => [];

    public IReadOnlyList<ResourceRead> Reads =>
        [ResourceRead.Primary(Type), .. Lookups.Distinct().Select(ResourceRead.Lookup)];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        foreach (var obj in snapshot.SelectedUnstructured(Type))
        {
            var ns = Type.Namespaced ? obj.Metadata?.NamespaceProperty ?? "" : "";
            var name = obj.Metadata?.Name ?? "";
            try
            {
                var failures = Check(obj, snapshot, context).ToArray();
                if (failures.Length > 0)
                {
                    findings.Add(new Finding
                    {
                        Kind = Name,
                        Namespace = ns,
                        ObjectName = name,
                        Uid = obj.Metadata?.Uid ?? "",
                        Failures = failures,
                        ParentObject = ParentOf(obj, snapshot, context),
                    });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportError(ns.Length == 0 ? name : $"{ns}/{name}", ex);
            }
        }

        return findings;
    }

    /// <summary>Problems of one object; empty when it is healthy.</summary>
    protected abstract IEnumerable<Failure> Check(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context);

    /// <summary>The <c>Kind/name</c> the object is about, or empty.</summary>
    protected virtual string ParentOf(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context) => "";
}
