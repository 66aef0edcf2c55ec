using k8s;
using k8s.Models;

namespace K8sGpt.Core.Snapshot;

public sealed partial class ClusterSnapshot
{
    private readonly EventIndex _events;

    /// <summary>
    /// Events about an object, newest first, joined by involved-object uid (falling back to kind, namespace and name
    /// for events that carry no uid).
    /// </summary>
    public IReadOnlyList<Corev1Event> EventsFor(IKubernetesObject<V1ObjectMeta> obj, string? kind = null) =>
        _events.For(obj, kind ?? obj.Kind ?? KindOf(obj));

    /// <summary>The newest event about an object, or null.</summary>
    public Corev1Event? LatestEvent(IKubernetesObject<V1ObjectMeta> obj, string? kind = null) =>
        EventsFor(obj, kind) is [var first, ..] ? first : null;

    private static string KindOf(IKubernetesObject<V1ObjectMeta> obj) =>
        KnownResources.All.FirstOrDefault(t => t.ClrType == obj.GetType())?.Kind ?? "";

    private static EventIndex IndexEvents(IReadOnlyList<Corev1Event> events) => new(events);

    /// <summary>The time an event last happened, whichever API wrote it.</summary>
    public static DateTime EventTime(Corev1Event e) =>
        e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata?.CreationTimestamp ?? DateTime.MinValue;

    private sealed class EventIndex
    {
        private readonly Dictionary<string, List<Corev1Event>> _byUid = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Kind, string Namespace, string Name), List<Corev1Event>> _byName = [];

        public EventIndex(IReadOnlyList<Corev1Event> events)
        {
            foreach (var e in events.OrderByDescending(EventTime))
            {
                var involved = e.InvolvedObject;
                if (involved is null)
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(involved.Uid))
                {
                    Add(_byUid, involved.Uid, e);
                }

                Add(_byName, (involved.Kind ?? "", involved.NamespaceProperty ?? "", involved.Name ?? ""), e);
            }
        }

        public IReadOnlyList<Corev1Event> For(IKubernetesObject<V1ObjectMeta> obj, string kind)
        {
            var meta = obj.Metadata;
            if (meta is null)
            {
                return [];
            }

            var byName = _byName.GetValueOrDefault((kind, meta.NamespaceProperty ?? "", meta.Name ?? "")) ?? [];
            if (string.IsNullOrEmpty(meta.Uid))
            {
                return byName;
            }

            // Events that carry a uid must match it exactly (a same-named object that was deleted and recreated is
            // another object); events without a uid can only be matched by kind, namespace and name.
            var byUid = _byUid.GetValueOrDefault(meta.Uid) ?? [];
            var withoutUid = byName.Where(static e => string.IsNullOrEmpty(e.InvolvedObject.Uid));
            return byUid.Concat(withoutUid).OrderByDescending(EventTime).ToArray();
        }

        private static void Add<TKey>(Dictionary<TKey, List<Corev1Event>> index, TKey key, Corev1Event e)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(e);
        }
    }
}
