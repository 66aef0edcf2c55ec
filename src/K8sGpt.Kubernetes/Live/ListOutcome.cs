using k8s;
using k8s.Models;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Live;

/// <summary>What listing one resource type gave: every object (only when complete), the status and page count.</summary>
internal sealed record ListOutcome(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects, ResourceReadStatus Status, int Pages);
