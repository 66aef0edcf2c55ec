using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>The scale target: that it exists, and that it requests what the utilization metrics measure.</summary>
internal static class HpaTargetChecks
{
    /// <summary>API groups whose kinds we know; a kind outside them is a custom resource we cannot check.</summary>
    private static readonly HashSet<string> s_builtInGroups = ["", "apps", "extensions"];

    public static IEnumerable<Failure> Check(V2HorizontalPodAutoscaler hpa, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = hpa.Metadata?.NamespaceProperty ?? "";
        var target = hpa.Spec?.ScaleTargetRef;
        if (target is null || string.IsNullOrEmpty(target.Kind) || string.IsNullOrEmpty(target.Name))
        {
            yield break;
        }

        var group = GroupOf(target.ApiVersion);
        var lookup = target.Kind switch
        {
            "Deployment" => Find<V1Deployment>(snapshot, ns, target.Name),
            "StatefulSet" => Find<V1StatefulSet>(snapshot, ns, target.Name),
            "ReplicaSet" => Find<V1ReplicaSet>(snapshot, ns, target.Name),
            "ReplicationController" => Find<V1ReplicationController>(snapshot, ns, target.Name),
            _ => (Lookup<IKubernetesObject<V1ObjectMeta>>?)null,
        };

        if (lookup is null || !s_builtInGroups.Contains(group))
        {
            // Only built-in kinds that have no scale subresource are wrong for sure; a custom resource (Argo Rollout,
            // anything with a scale subresource) may be a fine target that we cannot check.
            if (s_builtInGroups.Contains(group) && lookup is null)
            {
                yield return Failure.Of(
                    "HorizontalPodAutoscalerUnsupportedTarget",
                    $"HorizontalPodAutoscaler uses {target.Kind} as ScaleTargetRef which is not an option.",
                    "spec.scaleTargetRef.kind",
                    target.Name);
            }

            yield break;
        }

        var found = lookup.Value;
        if (found.NotFound)
        {
            yield return Failure.Of(
                "HorizontalPodAutoscalerTargetNotFound",
                $"HorizontalPodAutoscaler uses {target.Kind}/{target.Name} as ScaleTargetRef which does not exist.",
                "spec.scaleTargetRef",
                target.Name);
            yield break;
        }

        if (!found.Found)
        {
            context.ReportNotChecked(found.Reason, "scaleTargetRef");
            yield break;
        }

        if (found.Value is { } workload && TemplateOf(workload) is { } template)
        {
            foreach (var failure in HpaRequestChecks.Check(hpa, target.Kind, ns, target.Name, template))
            {
                yield return failure;
            }
        }
    }

    private static Lookup<IKubernetesObject<V1ObjectMeta>> Find<T>(ClusterSnapshot snapshot, string ns, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var lookup = snapshot.Find<T>(ns, name);
        return new Lookup<IKubernetesObject<V1ObjectMeta>>(lookup.Outcome, lookup.Value, lookup.Reason);
    }

    private static V1PodTemplateSpec? TemplateOf(IKubernetesObject<V1ObjectMeta> workload) => workload switch
    {
        V1Deployment d => d.Spec?.Template,
        V1StatefulSet s => s.Spec?.Template,
        V1ReplicaSet r => r.Spec?.Template,
        V1ReplicationController rc => rc.Spec?.Template,
        _ => null,
    };

    private static string GroupOf(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion))
        {
            return "";
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
