using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// StatefulSets whose governing Service or volume-claim StorageClass does not exist, and StatefulSets short of
/// ready replicas, reported through their own pods that are not running or not ready (CrashLoopBackOff included).
/// </summary>
public sealed class StatefulSetAnalyzer : ObjectAnalyzer<V1StatefulSet>
{
    /// <summary>How long a freshly created pod may start before it counts as not running.</summary>
    public static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(5);

    public override string Name => "StatefulSet";

    protected override IEnumerable<ResourceType> Lookups =>
        [KnownResources.Services, KnownResources.StorageClasses, KnownResources.Pods, KnownResources.Events];

    protected override IEnumerable<Failure> Check(V1StatefulSet statefulSet, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = statefulSet.Namespace() ?? "";
        var name = statefulSet.Name() ?? "";
        var failures = new List<Failure>();

        // serviceName is optional (the API accepts an empty one); only a named Service that is known to be absent is
        // a problem. A Service we could not look for (forbidden, not read) is never reported as missing.
        if (statefulSet.Spec?.ServiceName is { Length: > 0 } service)
        {
            var lookup = snapshot.Find<V1Service>(ns, service);
            if (lookup.NotFound)
            {
                failures.Add(Failure.Of(
                    "StatefulSetServiceMissing",
                    $"StatefulSet uses the service {ns}/{service} which does not exist.",
                    "spec.serviceName",
                    ns,
                    service,
                    name));
            }
            else if (!lookup.Found)
            {
                context.ReportNotChecked(lookup.Reason, "serviceName");
            }
        }

        // storageClassName: "" explicitly asks for no class (static binding) and null means the default class:
        // neither names an object to look for.
        var classes = (statefulSet.Spec?.VolumeClaimTemplates ?? [])
            .Select(static t => t?.Spec?.StorageClassName)
            .OfType<string>()
            .Where(static c => c.Length > 0)
            .Distinct(StringComparer.Ordinal);
        foreach (var storageClass in classes)
        {
            var lookup = snapshot.Find<V1StorageClass>(null, storageClass);
            if (lookup.NotFound)
            {
                failures.Add(Failure.Of(
                    "StatefulSetStorageClassMissing",
                    $"StatefulSet uses the storage class {storageClass} which does not exist.",
                    "spec.volumeClaimTemplates.spec.storageClassName",
                    storageClass,
                    ns,
                    name));
            }
            else if (!lookup.Found)
            {
                context.ReportNotChecked(lookup.Reason, "storageClassName");
            }
        }

        failures.AddRange(StatefulSetPodChecks.Check(statefulSet, snapshot, context, ns, name));
        return failures;
    }
}
