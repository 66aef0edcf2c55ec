using System.Runtime.CompilerServices;
using k8s.Models;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Which ConfigMaps, keyed by namespace and name, pods and workload pod templates reference (volumes, projected
/// sources, envFrom, env valueFrom; init, regular and ephemeral containers). Built once per snapshot.
/// </summary>
internal sealed class ConfigMapUsage
{
    private static readonly ConditionalWeakTable<ClusterSnapshot, ConfigMapUsage> s_cache = [];

    private static readonly ResourceType[] s_templateSources =
    [
        KnownResources.Deployments, KnownResources.ReplicaSets, KnownResources.StatefulSets,
        KnownResources.DaemonSets, KnownResources.Jobs, KnownResources.CronJobs,
    ];

    private readonly HashSet<(string Namespace, string Name)> _used = [];
    private readonly ClusterSnapshot _snapshot;

    private ConfigMapUsage(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        foreach (var pod in snapshot.All<V1Pod>())
        {
            Add(pod.Metadata?.NamespaceProperty, pod.Spec);
        }

        foreach (var d in snapshot.All<V1Deployment>()) { Add(d.Metadata?.NamespaceProperty, d.Spec?.Template?.Spec); }
        foreach (var r in snapshot.All<V1ReplicaSet>()) { Add(r.Metadata?.NamespaceProperty, r.Spec?.Template?.Spec); }
        foreach (var s in snapshot.All<V1StatefulSet>()) { Add(s.Metadata?.NamespaceProperty, s.Spec?.Template?.Spec); }
        foreach (var d in snapshot.All<V1DaemonSet>()) { Add(d.Metadata?.NamespaceProperty, d.Spec?.Template?.Spec); }
        foreach (var j in snapshot.All<V1Job>()) { Add(j.Metadata?.NamespaceProperty, j.Spec?.Template?.Spec); }
        foreach (var c in snapshot.All<V1CronJob>()) { Add(c.Metadata?.NamespaceProperty, c.Spec?.JobTemplate?.Spec?.Template?.Spec); }
    }

    /// <summary>Types read to find usage.</summary>
    public static IReadOnlyList<ResourceType> Sources { get; } = [KnownResources.Pods, .. s_templateSources];

    public static ConfigMapUsage For(ClusterSnapshot snapshot) => s_cache.GetValue(snapshot, static s => new ConfigMapUsage(s));

    /// <summary>Whether a pod or a workload pod template that was read references the ConfigMap.</summary>
    public bool IsUsed(string ns, string name) => _used.Contains((ns, name));

    /// <summary>
    /// Why "not used" cannot be said for the namespace: pods were not read for it, or a workload read was refused or
    /// failed. Null when it can. (A workload type absent from a snapshot file is taken as having no objects.)
    /// </summary>
    public string? WhyUsageUnknown(string ns) =>
        _snapshot.WhyUnknown(KnownResources.Pods, ns)
        ?? s_templateSources
            .Where(t => _snapshot.StatusOf(t).State is ReadState.Forbidden or ReadState.Failed)
            .Select(t => _snapshot.WhyUnknown(t, ns))
            .FirstOrDefault();

    private void Add(string? ns, V1PodSpec? spec)
    {
        if (spec is null)
        {
            return;
        }

        ns ??= "";
        foreach (var volume in spec.Volumes ?? [])
        {
            Use(ns, volume?.ConfigMap?.Name);
            foreach (var source in volume?.Projected?.Sources ?? [])
            {
                Use(ns, source?.ConfigMap?.Name);
            }
        }

        var envs = (spec.InitContainers ?? []).Select(static c => (c?.EnvFrom, c?.Env))
            .Concat((spec.Containers ?? []).Select(static c => (c?.EnvFrom, c?.Env)))
            .Concat((spec.EphemeralContainers ?? []).Select(static c => (c?.EnvFrom, c?.Env)));
        foreach (var (envFrom, env) in envs)
        {
            foreach (var from in envFrom ?? [])
            {
                Use(ns, from?.ConfigMapRef?.Name);
            }

            foreach (var variable in env ?? [])
            {
                Use(ns, variable?.ValueFrom?.ConfigMapKeyRef?.Name);
            }
        }
    }

    private void Use(string ns, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            _used.Add((ns, name));
        }
    }
}
