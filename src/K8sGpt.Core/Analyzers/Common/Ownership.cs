using k8s;
using k8s.Models;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>Finds the objects a controller owns, through owner references in the snapshot.</summary>
public static class Ownership
{
    /// <summary>
    /// Objects of <typeparamref name="T"/> in the owner's namespace whose owner references name the owner: by uid,
    /// or by kind and name when the owner carries no uid.
    /// </summary>
    public static IReadOnlyList<T> OwnedBy<T>(ClusterSnapshot snapshot, IKubernetesObject<V1ObjectMeta> owner, string ownerKind)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var ns = owner.Metadata?.NamespaceProperty ?? "";
        var uid = owner.Metadata?.Uid;
        var name = owner.Metadata?.Name;
        return snapshot.All<T>()
            .Where(o => (o.Metadata?.NamespaceProperty ?? "") == ns)
            .Where(o => o.Metadata?.OwnerReferences?.Any(r => References(r, uid, ownerKind, name)) == true)
            .ToArray();
    }

    private static bool References(V1OwnerReference? reference, string? uid, string kind, string? name)
    {
        if (reference is null)
        {
            return false;
        }

        return string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(reference.Uid)
            ? reference.Kind == kind && reference.Name == name
            : reference.Uid == uid;
    }
}
