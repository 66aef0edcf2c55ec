using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot;

/// <summary>
/// One consistent, immutable view of the cluster for one run, indexed for the joins analyzers need
/// (by name, by uid, owners, events by involved object), plus what could not be read and why.
/// </summary>
public sealed partial class ClusterSnapshot
{
    private readonly IReadOnlyDictionary<ResourceType, IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> _objects;
    private readonly IReadOnlyDictionary<ResourceType, ResourceReadStatus> _statuses;
    private readonly Dictionary<(ResourceType Type, string Namespace, string Name), IKubernetesObject<V1ObjectMeta>> _byName = [];
    private readonly Dictionary<string, (ResourceType Type, IKubernetesObject<V1ObjectMeta> Object)> _byUid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(ResourceType Type, bool Selected), object> _typedCache = new();

    internal ClusterSnapshot(
        ScanScope scope,
        IReadOnlyDictionary<ResourceType, IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> objects,
        IReadOnlyDictionary<ResourceType, ResourceReadStatus> statuses,
        SnapshotFacts facts)
    {
        Scope = scope;
        _objects = objects;
        _statuses = statuses;
        Facts = facts;
        foreach (var (type, list) in objects)
        {
            foreach (var obj in list)
            {
                var meta = obj.Metadata;
                if (meta?.Name is not null)
                {
                    _byName[(type, type.Namespaced ? meta.NamespaceProperty ?? "" : "", meta.Name)] = obj;
                }

                if (!string.IsNullOrEmpty(meta?.Uid))
                {
                    _byUid[meta.Uid] = (type, obj);
                }
            }
        }

        _events = IndexEvents(All<Corev1Event>());
        _logIndex = new Lazy<ILookup<(string Namespace, string Pod, string Container), ContainerLog>>(IndexLogs);
    }

    /// <summary>Namespace and label selector this snapshot was taken with.</summary>
    public ScanScope Scope { get; }

    /// <summary>Server version, discovery facts and counts of what was ignored.</summary>
    public SnapshotFacts Facts { get; }

    /// <summary>Every resource type with a read status other than "not requested".</summary>
    public IReadOnlyDictionary<ResourceType, ResourceReadStatus> Statuses => _statuses;

    public ResourceReadStatus StatusOf(ResourceType type) =>
        _statuses.TryGetValue(type, out var status) ? status : ResourceReadStatus.NotRequested;

    /// <summary>Every object of a type that was read (namespace scope applied, label selector not).</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects(ResourceType type) =>
        _objects.TryGetValue(type, out var list) ? list : [];

    /// <summary>Every object of a typed kind that was read: use this for lookups and joins.</summary>
    public IReadOnlyList<T> All<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Typed<T>(KnownResources.For<T>(), selected: false);

    /// <summary>Objects of a typed kind that the run's label selector selects: use this for what an analyzer reports on.</summary>
    public IReadOnlyList<T> Selected<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Typed<T>(KnownResources.For<T>(), selected: true);

    /// <summary>Custom-resource objects the run's label selector selects.</summary>
    public IReadOnlyList<UnstructuredObject> SelectedUnstructured(ResourceType type) =>
        Typed<UnstructuredObject>(type, selected: true);

    /// <summary>Every custom-resource object of a type that was read.</summary>
    public IReadOnlyList<UnstructuredObject> AllUnstructured(ResourceType type) =>
        Typed<UnstructuredObject>(type, selected: false);

    /// <summary>
    /// Looks up an object by namespace and name. Answers "not found" only when the type was read in a
    /// scope that includes that namespace; otherwise "unknown" with the reason.
    /// </summary>
    public Lookup<T> Find<T>(string? ns, string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Find<T>(KnownResources.For<T>(), ns, name);

    public Lookup<T> Find<T>(ResourceType type, string? ns, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = (type, type.Namespaced ? ns ?? "" : "", name);
        if (_byName.TryGetValue(key, out var obj) && obj is T typed)
        {
            return Lookup<T>.Of(typed);
        }

        var reason = WhyUnknown(type, type.Namespaced ? ns : null);
        return reason is null ? Lookup<T>.Missing() : Lookup<T>.Unknown(reason);
    }

    /// <summary>Finds any object by uid.</summary>
    public IKubernetesObject<V1ObjectMeta>? FindByUid(string? uid) =>
        uid is not null && _byUid.TryGetValue(uid, out var entry) ? entry.Object : null;

    /// <summary>Why an object of this type in this namespace cannot be said to be missing, or null when it can.</summary>
    public string? WhyUnknown(ResourceType type, string? ns)
    {
        var status = StatusOf(type);
        return status.State switch
        {
            ReadState.Loaded when type.Namespaced && !Scope.CoversNamespace(ns) =>
                $"{type.Resource} in namespace {ns} were not read (the scan was limited to namespace {Scope.Namespace})",
            ReadState.Loaded => null,
            ReadState.Forbidden => $"forbidden: cannot list {type.Resource}{Detail(status)}",
            ReadState.NotServed => $"the cluster does not serve {type.ApiVersion} {type.Plural}",
            ReadState.Failed => $"listing {type.Resource} failed{Detail(status)}",
            _ => $"{type.Resource} not in this snapshot",
        };

        static string Detail(ResourceReadStatus status) => status.Detail.Length == 0 ? "" : $" ({status.Detail})";
    }

    private IReadOnlyList<T> Typed<T>(ResourceType type, bool selected)
        where T : class
    {
        return (IReadOnlyList<T>)_typedCache.GetOrAdd((type, selected), key =>
        {
            var source = Objects(key.Type);
            var items = key.Selected && !Scope.Selector.IsEverything
                ? source.Where(o => Scope.Selector.Matches(o.Metadata?.Labels))
                : source;
            return items.OfType<T>().ToArray();
        });
    }
}
