using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// HorizontalPodAutoscalers that cannot scale (conditions), whose scale target does not exist, or whose
/// utilization targets cannot be computed because the target's containers request no such resource.
/// </summary>
public sealed class HorizontalPodAutoscalerAnalyzer : ObjectAnalyzer<V2HorizontalPodAutoscaler>
{
    public override string Name => "HorizontalPodAutoscaler";

    public override AnalyzerTier Tier => AnalyzerTier.Optional;

    protected override IEnumerable<ResourceType> Lookups =>
        [KnownResources.Deployments, KnownResources.StatefulSets, KnownResources.ReplicaSets, KnownResources.ReplicationControllers];

    protected override IEnumerable<Failure> Check(V2HorizontalPodAutoscaler hpa, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var failures = new List<Failure>();
        failures.AddRange(HpaConditionChecks.Check(hpa));
        failures.AddRange(HpaTargetChecks.Check(hpa, snapshot, context));
        return failures;
    }
}
