using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>
/// Base for analyzers that check each selected custom-resource object of one <see cref="ResourceType"/> on its own
/// (read as <see cref="UnstructuredObject"/>). Each object is isolated: an exception on one becomes an error entry
/// and the others are still checked. Optional by default.
/// </summary>
public abstract class UnstructuredAnalyzer(ResourceType type) : IAnalyzer
{
    public abstract string Name { get; }

    public virtual AnalyzerTier Tier => AnalyzerTier.Optional;

    /// <summary>The custom resource reported on.</summary>
    public ResourceType Type { get; } = type;

    /// <summary>Kind written in results; the filter name unless overridden.</summary>
    protected virtual string ResultKind => Name;

    /// <summary>Types looked up while checking (never filtered by label).</summary>
    protected virtual IEnumerable<ResourceType> Lookups => [];

    public IReadOnlyList<ResourceRead> Reads =>
    [
        ResourceRead.Primary(Type),
        .. Lookups.Distinct().Where(t => t != Type).Select(ResourceRead.Lookup),
    ];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        foreach (var obj in snapshot.SelectedUnstructured(Type))
        {
            var meta = obj.Metadata;
            var ns = Type.Namespaced ? meta?.NamespaceProperty ?? "" : "";
            var name = meta?.Name ?? "";
            try
            {
                var failures = Check(obj, snapshot, context).ToArray();
                if (failures.Length == 0)
                {
                    continue;
                }

                findings.Add(new Finding
                {
                    Kind = ResultKind,
                    Namespace = ns,
                    ObjectName = name,
                    Uid = meta?.Uid ?? "",
                    Failures = failures,
                    ParentObject = snapshot.ResolveParent(obj),
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportError(ns.Length == 0 ? name : $"{ns}/{name}", ex);
            }
        }

        return findings;
    }

    /// <summary>Problems of one object; an empty sequence when it is healthy.</summary>
    protected abstract IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context);
}
