using k8s;
using k8s.Models;
using K8sGpt.Core.Anonymization;

namespace K8sGpt.Core.Analyzers;

/// <summary>The pod spec a workload runs, whatever its kind, and what in it identifies the workload's containers.</summary>
internal static class PodTemplates
{
    /// <summary>The pod spec of a pod or of a workload's template, or null for other kinds.</summary>
    public static V1PodSpec? SpecOf(IKubernetesObject<V1ObjectMeta>? workload) => workload switch
    {
        V1Pod pod => pod.Spec,
        V1Deployment deployment => deployment.Spec?.Template?.Spec,
        V1ReplicaSet replicaSet => replicaSet.Spec?.Template?.Spec,
        V1StatefulSet statefulSet => statefulSet.Spec?.Template?.Spec,
        V1DaemonSet daemonSet => daemonSet.Spec?.Template?.Spec,
        V1Job job => job.Spec?.Template?.Spec,
        V1CronJob cronJob => cronJob.Spec?.JobTemplate?.Spec?.Template?.Spec,
        V1ReplicationController controller => controller.Spec?.Template?.Spec,
        _ => null,
    };

    /// <summary>Container names and the identifying parts of their images: checks and tools quote both in their messages.</summary>
    public static IEnumerable<string> ContainerIdentities(V1PodSpec? spec) =>
        (spec?.InitContainers ?? []).Concat(spec?.Containers ?? [])
            .Where(static c => c is not null)
            .SelectMany(static c => IdentifyingParts.OfImage(c.Image).Prepend(c.Name ?? ""));

    /// <summary>Volume names and the ConfigMaps, Secrets and claims they mount: mount failures quote them.</summary>
    public static IEnumerable<string> VolumeIdentities(V1PodSpec? spec) =>
        (spec?.Volumes ?? []).Where(static v => v is not null).SelectMany(static v => new[]
        {
            v.Name, v.ConfigMap?.Name, v.Secret?.SecretName, v.PersistentVolumeClaim?.ClaimName,
        }).Concat((spec?.Volumes ?? []).SelectMany(static v => v?.Projected?.Sources ?? []).SelectMany(static s => new[] { s?.ConfigMap?.Name, s?.Secret?.Name }))
        .Where(static n => !string.IsNullOrEmpty(n))
        .Select(static n => n!);

    /// <summary>The identifying parts of the image a container runs: as its status reports it, and as its spec asks for it.</summary>
    public static IEnumerable<string> ImageIdentities(V1PodSpec? spec, V1ContainerStatus status) =>
        IdentifyingParts.OfImage(status.Image)
            .Concat((spec?.InitContainers ?? []).Concat(spec?.Containers ?? []).Where(c => c?.Name == status.Name).SelectMany(static c => IdentifyingParts.OfImage(c.Image)));
}
