using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot;

public sealed partial class ClusterSnapshot
{
    /// <summary>
    /// The top-most owner of an object as <c>Kind/name</c> (Pod → ReplicaSet → Deployment, Pod → Job → CronJob),
    /// walking through any kind; when an owner is not in the snapshot the walk stops at its reference. Empty when
    /// the object has no owner.
    /// </summary>
    public string ResolveParent(IKubernetesObject<V1ObjectMeta> obj)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string parent = "";
        var current = obj;
        while (PickOwner(current.Metadata) is { } owner)
        {
            var key = owner.Uid ?? $"{owner.Kind}/{owner.Name}";
            if (!visited.Add(key))
            {
                break;
            }

            parent = $"{owner.Kind}/{owner.Name}";
            var next = FindOwner(owner, current.Metadata.NamespaceProperty);
            if (next is null)
            {
                break;
            }

            current = next;
        }

        return parent;
    }

    private static V1OwnerReference? PickOwner(V1ObjectMeta? meta)
    {
        var owners = meta?.OwnerReferences;
        if (owners is null || owners.Count == 0)
        {
            return null;
        }

        return owners.FirstOrDefault(static o => o.Controller == true) ?? owners[0];
    }

    private IKubernetesObject<V1ObjectMeta>? FindOwner(V1OwnerReference owner, string? childNamespace)
    {
        if (FindByUid(owner.Uid) is { } byUid)
        {
            return byUid;
        }

        if (owner.ApiVersion is null || owner.Kind is null || owner.Name is null)
        {
            return null;
        }

        var type = KnownResources.FindByApiVersion(owner.ApiVersion, owner.Kind);
        if (type is null)
        {
            return null;
        }

        // Owner references carry no namespace: a namespaced owner lives in the child's namespace.
        var ns = type.Namespaced ? childNamespace ?? "" : "";
        return _byName.GetValueOrDefault((type, ns, owner.Name));
    }
}
