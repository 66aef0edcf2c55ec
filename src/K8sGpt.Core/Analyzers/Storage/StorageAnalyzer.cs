using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Storage configuration across StorageClasses, PersistentVolumes and claims: several default classes, failed
/// volumes, released volumes that their reclaim policy should have removed, and bound claims whose class is gone.
/// Pending and Lost claims belong to the PersistentVolumeClaim analyzer and are not repeated here.
/// </summary>
public sealed class StorageAnalyzer : IAnalyzer
{
    public string Name => "Storage";

    public AnalyzerTier Tier => AnalyzerTier.Optional;

    public IReadOnlyList<ResourceRead> Reads { get; } =
    [
        ResourceRead.Primary(KnownResources.StorageClasses),
        // Lookups, so that a forbidden read of one kind does not silence the checks of the others.
        ResourceRead.Lookup(KnownResources.PersistentVolumes),
        ResourceRead.Lookup(KnownResources.PersistentVolumeClaims),
    ];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        var defaults = snapshot.All<V1StorageClass>().Where(StorageChecks.IsDefault).Select(static c => c.Metadata?.Name ?? "").Order(StringComparer.Ordinal).ToArray();
        Each(findings, context, "Storage/StorageClass", snapshot.Selected<V1StorageClass>(), c => StorageChecks.StorageClass(c, defaults));
        Each(findings, context, "Storage/PersistentVolume", snapshot.Selected<V1PersistentVolume>(), StorageChecks.PersistentVolume);
        Each(findings, context, "Storage/PersistentVolumeClaim", snapshot.Selected<V1PersistentVolumeClaim>(), c => StorageChecks.Claim(c, snapshot, context));
        return findings;
    }

    private static void Each<T>(List<Finding> findings, AnalyzerContext context, string kind, IEnumerable<T> objects, Func<T, IEnumerable<Failure>> check)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var obj in objects)
        {
            var ns = obj.Metadata?.NamespaceProperty ?? "";
            var name = obj.Metadata?.Name ?? "";
            try
            {
                var failures = check(obj).ToArray();
                if (failures.Length > 0)
                {
                    findings.Add(new Finding { Kind = kind, Namespace = ns, ObjectName = name, Uid = obj.Metadata?.Uid ?? "", Failures = failures });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportError(ns.Length == 0 ? name : $"{ns}/{name}", ex);
            }
        }
    }
}
