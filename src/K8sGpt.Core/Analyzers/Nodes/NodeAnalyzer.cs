using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Nodes with a condition in its bad state, judged by polarity: readiness-type conditions (<c>Ready</c>, any type
/// ending in <c>Ready</c>) must be True; every other condition (pressure, NetworkUnavailable, node-problem-detector
/// problems such as KernelDeadlock) is bad only when True or Unknown.
/// </summary>
public sealed class NodeAnalyzer : ObjectAnalyzer<V1Node>
{
    private static readonly HashSet<string> s_ignored = new(StringComparer.Ordinal) { "EtcdIsVoter" };

    public override string Name => "Node";

    protected override IEnumerable<Failure> Check(V1Node node, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var name = node.Metadata?.Name ?? "";
        foreach (var condition in node.Status?.Conditions ?? [])
        {
            var type = condition?.Type;
            if (string.IsNullOrEmpty(type) || s_ignored.Contains(type))
            {
                continue;
            }

            var readiness = type.EndsWith("Ready", StringComparison.Ordinal);
            var bad = readiness ? condition!.Status != "True" : condition!.Status is "True" or "Unknown";
            if (bad)
            {
                yield return Failure.Of(
                    readiness ? "NodeNotReady" : "NodeProblemCondition",
                    $"{name} has condition of type {type}{ConditionText.Because(condition.Reason, condition.Message)}",
                    "status.conditions",
                    name);
            }
        }
    }
}
