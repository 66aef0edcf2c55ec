using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>The per-object checks of the Storage analyzer.</summary>
internal static class StorageChecks
{
    public static bool IsDefault(V1StorageClass storageClass) =>
        MetaValues.AnnotationIsTrue(storageClass.Metadata, "storageclass.kubernetes.io/is-default-class")
        || MetaValues.AnnotationIsTrue(storageClass.Metadata, "storageclass.beta.kubernetes.io/is-default-class");

    public static IEnumerable<Failure> StorageClass(V1StorageClass storageClass, IReadOnlyList<string> defaults)
    {
        var name = storageClass.Metadata?.Name ?? "";
        if (defaults.Count > 1 && IsDefault(storageClass))
        {
            yield return Failure.Of(
                "StorageMultipleDefaultClasses",
                $"StorageClass {name} is one of {defaults.Count} default StorageClasses ({string.Join(", ", defaults)}); claims without a storageClassName get whichever was created last",
                "metadata.annotations",
                [.. defaults]);
        }
    }

    public static IEnumerable<Failure> PersistentVolume(V1PersistentVolume volume)
    {
        var name = volume.Metadata?.Name ?? "";
        var message = string.IsNullOrEmpty(volume.Status?.Message) ? "" : $": {volume.Status.Message}";

        // Provisioner messages quote the claim the volume was bound to.
        string?[] identities = [name, volume.Spec?.ClaimRef?.NamespaceProperty, volume.Spec?.ClaimRef?.Name];
        switch (volume.Status?.Phase)
        {
            case "Failed":
                yield return Failure.Of("StoragePersistentVolumeFailed", $"PersistentVolume {name} is in Failed state{message}", "status.phase", identities);
                break;

            // Retain keeps released volumes on purpose (an administrator reclaims them); Delete and Recycle should
            // have removed or scrubbed the volume, so one that stays Released means reclamation is failing.
            case "Released" when volume.Spec?.PersistentVolumeReclaimPolicy is "Delete" or "Recycle":
                yield return Failure.Of(
                    "StoragePersistentVolumeNotReclaimed",
                    $"PersistentVolume {name} is Released with reclaim policy {volume.Spec.PersistentVolumeReclaimPolicy} but was not reclaimed{message}",
                    "spec.persistentVolumeReclaimPolicy",
                    identities);
                break;
        }
    }

    /// <summary>Only what the PersistentVolumeClaim analyzer does not report: a bound claim whose class is gone.</summary>
    public static IEnumerable<Failure> Claim(V1PersistentVolumeClaim claim, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = claim.Metadata?.NamespaceProperty ?? "";
        var name = claim.Metadata?.Name ?? "";
        if (claim.Status?.Phase != "Bound")
        {
            yield break;
        }

        var className = claim.Spec?.StorageClassName;
        if (string.IsNullOrEmpty(className) && claim.Spec?.VolumeName is { Length: > 0 } volumeName)
        {
            var volume = snapshot.Find<V1PersistentVolume>(null, volumeName);
            if (volume.Outcome == LookupOutcome.Unknown)
            {
                context.ReportNotChecked(volume.Reason, "bound claim's class", "bound claims' classes");
            }

            className = volume.Value?.Spec?.StorageClassName;
        }

        if (string.IsNullOrEmpty(className))
        {
            yield break;
        }

        var storageClass = snapshot.Find<V1StorageClass>(null, className);
        if (!storageClass.NotFound)
        {
            if (!storageClass.Found)
            {
                context.ReportNotChecked(storageClass.Reason, "bound claim's class", "bound claims' classes");
            }

            yield break;
        }

        yield return Failure.Of(
            "StorageClaimClassDeleted",
            $"PersistentVolumeClaim {ns}/{name} is bound but its StorageClass {className} no longer exists; expanding it or provisioning replacements will fail",
            "spec.storageClassName",
            ns,
            name,
            className);
    }
}
