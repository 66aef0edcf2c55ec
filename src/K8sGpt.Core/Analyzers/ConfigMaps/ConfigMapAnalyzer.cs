using System.Text;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// ConfigMaps that no pod or workload pod template uses, that are empty, or that exceed 1 MiB. ConfigMaps that are
/// read through the API rather than mounted (root CA bundle, control-plane configuration, leader-election locks,
/// sidecar-loaded dashboards and rules) are exempt from the usage check.
/// </summary>
public sealed class ConfigMapAnalyzer : ObjectAnalyzer<V1ConfigMap>
{
    /// <summary>Largest size the API server accepts for a ConfigMap's data and binary data together.</summary>
    public const long MaxBytes = 1024 * 1024;

    public override string Name => "ConfigMap";

    protected override bool ReportsParent => false;

    protected override IEnumerable<ResourceType> Lookups => ConfigMapUsage.Sources;

    protected override IEnumerable<Failure> Check(V1ConfigMap configMap, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = configMap.Metadata?.NamespaceProperty ?? "";
        var name = configMap.Metadata?.Name ?? "";
        var failures = new List<Failure>();
        var readByApi = ConfigMapExemptions.IsReadThroughApi(configMap);
        var usage = ConfigMapUsage.For(snapshot);
        if (!readByApi && !usage.IsUsed(ns, name))
        {
            if (usage.WhyUsageUnknown(ns) is { } why)
            {
                context.ReportNotChecked(why, "ConfigMap usage");
            }
            else
            {
                failures.Add(Failure.Of("ConfigMapUnused", $"ConfigMap {name} is not used by any pods in the namespace", "", ns, name));
            }
        }

        var data = configMap.Data ?? new Dictionary<string, string>();
        var binary = configMap.BinaryData ?? new Dictionary<string, byte[]>();
        // Leader-election locks and control-plane maps legitimately carry no data.
        if (data.Count == 0 && binary.Count == 0 && !ConfigMapExemptions.MayBeEmpty(configMap))
        {
            failures.Add(Failure.Of("ConfigMapEmpty", $"ConfigMap {name} is empty", "data", ns, name));
        }

        var bytes = data.Values.Sum(static v => (long)Encoding.UTF8.GetByteCount(v ?? "")) + binary.Values.Sum(static v => (long)(v?.Length ?? 0));
        if (bytes > MaxBytes)
        {
            failures.Add(Failure.Of("ConfigMapTooLarge", $"ConfigMap {name} is larger than 1MB ({bytes} bytes)", "data", ns, name));
        }

        return failures;
    }
}
