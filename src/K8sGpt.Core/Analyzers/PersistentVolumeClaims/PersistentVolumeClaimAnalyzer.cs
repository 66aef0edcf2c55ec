using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Claims that cannot be provisioned (ProvisioningFailed events, missing StorageClass), that lost their volume, or
/// whose resize failed or is stuck.
/// </summary>
public sealed class PersistentVolumeClaimAnalyzer : ObjectAnalyzer<V1PersistentVolumeClaim>
{
    /// <summary>Annotation that marks the cluster's default StorageClass.</summary>
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>How long a file-system resize may wait for the pod before it counts as stuck.</summary>
    public static readonly TimeSpan FileSystemResizeGrace = TimeSpan.FromHours(1);

    public override string Name => "PersistentVolumeClaim";

    protected override IEnumerable<ResourceType> Lookups =>
        [KnownResources.Events, KnownResources.StorageClasses, KnownResources.Pods];

    protected override IEnumerable<Failure> Check(V1PersistentVolumeClaim claim, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = claim.Metadata?.NamespaceProperty ?? "";
        var name = claim.Metadata?.Name ?? "";
        var failures = new List<Failure>();
        switch (claim.Status?.Phase)
        {
            case "Pending":
                failures.AddRange(CheckPending(claim, snapshot, context, ns, name));
                break;
            case "Lost":
                var volume = claim.Spec?.VolumeName is { Length: > 0 } v ? $" {v}" : "";
                failures.Add(Failure.Of(
                    "PersistentVolumeClaimLost",
                    $"PersistentVolumeClaim {ns}/{name} is Lost: its bound PersistentVolume{volume} no longer exists",
                    "status.phase",
                    ns,
                    name,
                    claim.Spec?.VolumeName));
                break;
        }

        failures.AddRange(PersistentVolumeClaimResizeChecks.Check(claim, context.Now, ns, name));
        return failures;
    }

    private static IEnumerable<Failure> CheckPending(V1PersistentVolumeClaim claim, ClusterSnapshot snapshot, AnalyzerContext context, string ns, string name)
    {
        var className = claim.Spec?.StorageClassName;
        if (className is null)
        {
            className = DefaultClassName(snapshot);
        }
        else if (className.Length > 0)
        {
            var storageClass = snapshot.Find<V1StorageClass>(null, className);
            if (storageClass.NotFound)
            {
                yield return Failure.Of(
                    "PersistentVolumeClaimStorageClassNotFound",
                    $"PersistentVolumeClaim {ns}/{name} uses the storage class {className} which does not exist.",
                    "spec.storageClassName",
                    ns,
                    name,
                    className);
                yield break;
            }

            if (!storageClass.Found)
            {
                context.ReportNotChecked(storageClass.Reason, "storageClassName");
            }

            // Such a claim stays Pending on purpose until a pod that uses it is scheduled.
            if (storageClass.Value?.VolumeBindingMode == "WaitForFirstConsumer" && !UsedByAnyPod(snapshot, ns, name))
            {
                yield break;
            }
        }

        var provisioningFailed = snapshot.EventsFor(claim, "PersistentVolumeClaim")
            .FirstOrDefault(static e => e.Reason == "ProvisioningFailed" && e.Type != "Normal" && !string.IsNullOrEmpty(e.Message));
        if (provisioningFailed is not null)
        {
            yield return Failure.Of("PersistentVolumeClaimProvisioningFailed", provisioningFailed.Message, "status.phase", ns, name, className);
        }
    }

    private static string? DefaultClassName(ClusterSnapshot snapshot) =>
        snapshot.All<V1StorageClass>()
            .FirstOrDefault(static c => MetaValues.AnnotationIsTrue(c.Metadata, DefaultClassAnnotation))
            ?.Metadata?.Name;

    private static bool UsedByAnyPod(ClusterSnapshot snapshot, string ns, string claimName)
    {
        // When pods could not be read, assume a consumer exists so that real provisioning failures still show.
        if (snapshot.WhyUnknown(KnownResources.Pods, ns) is not null)
        {
            return true;
        }

        return snapshot.All<V1Pod>().Any(p =>
            p.Metadata?.NamespaceProperty == ns
            && (p.Spec?.Volumes ?? []).Any(v => v?.PersistentVolumeClaim?.ClaimName == claimName));
    }
}
