using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot;

/// <summary>Collects objects and read outcomes, then freezes them into a <see cref="ClusterSnapshot"/>.</summary>
public sealed class ClusterSnapshotBuilder(ScanScope scope)
{
    private readonly Dictionary<ResourceType, List<IKubernetesObject<V1ObjectMeta>>> _objects = [];
    private readonly Dictionary<ResourceType, ResourceReadStatus> _statuses = [];
    private readonly Dictionary<string, int> _ignored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ignoredNames = new(StringComparer.Ordinal);
    private readonly Dictionary<(ResourceType, string, string), int> _positions = [];
    private readonly List<ContainerLog> _logs = [];
    private readonly Lock _gate = new();

    public ScanScope Scope { get; } = scope;

    public SnapshotFacts Facts { get; set; } = new();

    /// <summary>
    /// Adds an object; objects outside the namespace scope are dropped, but still mark their type as read: a
    /// snapshot holding OperatorGroups only in other namespaces says the scanned namespace has none.
    /// </summary>
    public void Add(ResourceType type, IKubernetesObject<V1ObjectMeta> obj)
    {
        lock (_gate)
        {
            _statuses.TryAdd(type, ResourceReadStatus.Loaded);
            if (type.Namespaced && !Scope.CoversNamespace(obj.Metadata?.NamespaceProperty))
            {
                return;
            }

            if (!_objects.TryGetValue(type, out var list))
            {
                _objects[type] = list = [];
            }

            // The same object read twice (two files, two pages that overlap) is kept once: the later copy wins.
            var key = (type, obj.Metadata?.NamespaceProperty ?? "", obj.Metadata?.Name ?? "");
            if (_positions.TryGetValue(key, out var position))
            {
                list[position] = obj;
            }
            else
            {
                _positions[key] = list.Count;
                list.Add(obj);
            }
        }
    }

    /// <summary>Records how reading a type went (an empty successful list is <see cref="ResourceReadStatus.Loaded"/>).</summary>
    public void SetStatus(ResourceType type, ResourceReadStatus status)
    {
        lock (_gate)
        {
            _statuses[type] = status;
        }
    }

    /// <summary>Records that a type was read completely, unless a status was already recorded for it.</summary>
    public void MarkLoaded(ResourceType type)
    {
        lock (_gate)
        {
            _statuses.TryAdd(type, ResourceReadStatus.Loaded);
        }
    }

    /// <summary>Adds the log tail of one container; logs of pods outside the namespace scope are dropped.</summary>
    public void AddLog(ContainerLog log)
    {
        if (!Scope.CoversNamespace(log.Namespace))
        {
            return;
        }

        lock (_gate)
        {
            _logs.Add(log);
        }
    }

    /// <summary>Counts an object of a kind no analyzer reads, and remembers its name and namespace for masking.</summary>
    public void CountIgnored(string kind, string? ns = null, string? name = null)
    {
        lock (_gate)
        {
            _ignored[kind] = _ignored.GetValueOrDefault(kind) + 1;
            foreach (var value in new[] { ns, name }.Where(static v => !string.IsNullOrEmpty(v)))
            {
                _ignoredNames.Add(value!);
            }
        }
    }

    public ClusterSnapshot Build()
    {
        lock (_gate)
        {
            var objects = _objects.ToDictionary(
                static kv => kv.Key,
                static kv => (IReadOnlyList<IKubernetesObject<V1ObjectMeta>>)kv.Value.ToArray());
            var facts = Facts with { IgnoredKinds = new Dictionary<string, int>(_ignored, StringComparer.Ordinal) };
            return new ClusterSnapshot(Scope, objects, new Dictionary<ResourceType, ResourceReadStatus>(_statuses), facts)
            {
                ContainerLogs = [.. _logs],
                IgnoredNames = [.. _ignoredNames],
            };
        }
    }
}
