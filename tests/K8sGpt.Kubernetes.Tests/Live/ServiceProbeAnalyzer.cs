using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>A test analyzer that reads Services: reports every Service without a selector.</summary>
internal sealed class ServiceProbeAnalyzer : ObjectAnalyzer<V1Service>
{
    public override string Name => "ServiceProbe";

    protected override bool ReportsParent => false;

    protected override IEnumerable<Failure> Check(V1Service obj, ClusterSnapshot snapshot, AnalyzerContext context) =>
        obj.Spec?.Selector is { Count: > 0 } ? [] : [Failure.Of("NoSelector", $"Service {obj.Metadata.Name} has no selector", "spec.selector")];
}
