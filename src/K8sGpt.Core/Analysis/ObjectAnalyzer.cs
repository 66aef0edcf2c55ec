using k8s;
using k8s.Models;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>
/// Base for analyzers that check each selected object of one typed kind on its own. Each object is isolated:
/// an exception on one becomes an error entry and the others are still checked.
/// </summary>
public abstract class ObjectAnalyzer<T> : IAnalyzer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public abstract string Name { get; }

    public virtual AnalyzerTier Tier => AnalyzerTier.Core;

    /// <summary>Kind written in results; the filter name unless overridden.</summary>
    protected virtual string ResultKind => Name;

    /// <summary>Whether results carry the owner resolved through owner references.</summary>
    protected virtual bool ReportsParent => true;

    /// <summary>Types looked up while checking (never filtered by label).</summary>
    protected virtual IEnumerable<ResourceType> Lookups => [];

    /// <remarks>
    /// The analyzer's own kind is not added again as an owner lookup: that would make the pipeline read it whole,
    /// and the label selector could no longer go to the API server. An explicit entry in <see cref="Lookups"/> still
    /// asks for the whole list (an analyzer that compares siblings needs it).
    /// </remarks>
    public IReadOnlyList<ResourceRead> Reads =>
    [
        ResourceRead.Primary(KnownResources.For<T>()),
        .. Lookups
            .Concat(ReportsParent ? OwnerKinds.Where(static k => k != KnownResources.For<T>()) : [])
            .Distinct()
            .Select(ResourceRead.Lookup),
    ];

    /// <summary>Kinds that commonly own others, read so parents resolve inside the snapshot.</summary>
    public static IReadOnlyList<ResourceType> OwnerKinds { get; } =
    [
        KnownResources.ReplicaSets, KnownResources.Deployments, KnownResources.StatefulSets,
        KnownResources.DaemonSets, KnownResources.Jobs, KnownResources.CronJobs,
    ];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        foreach (var obj in snapshot.Selected<T>())
        {
            var meta = obj.Metadata;
            var ns = KnownResources.For<T>().Namespaced ? meta?.NamespaceProperty ?? "" : "";
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
                    ParentObject = ReportsParent ? snapshot.ResolveParent(obj) : "",
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
    protected abstract IEnumerable<Failure> Check(T obj, ClusterSnapshot snapshot, AnalyzerContext context);
}
