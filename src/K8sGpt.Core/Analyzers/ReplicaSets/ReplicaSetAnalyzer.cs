using System.Text.RegularExpressions;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// ReplicaSets that cannot create or delete pods (<c>ReplicaFailure=True</c>: quota, admission webhooks, pod
/// security), whether or not some of their pods exist. The result carries the owning Deployment as parent.
/// </summary>
public sealed partial class ReplicaSetAnalyzer : ObjectAnalyzer<V1ReplicaSet>
{
    public override string Name => "ReplicaSet";

    protected override IEnumerable<Failure> Check(V1ReplicaSet replicaSet, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = replicaSet.Namespace() ?? "";
        var name = replicaSet.Name() ?? "";
        var failure = replicaSet.Status?.Conditions?.FirstOrDefault(static c => c?.Type == "ReplicaFailure" && c.Status == "True");
        if (failure is null)
        {
            yield break;
        }

        var reason = string.IsNullOrEmpty(failure.Reason) ? "Unknown" : failure.Reason;
        var code = reason == "FailedCreate" ? "ReplicaSetFailedCreate" : "ReplicaSetReplicaFailure";

        // The condition message is what the reference reports (users know it); it names the pod the controller
        // tried to create (`pods "web-7d4b9c-" is forbidden: ...`), which is as identifying as the ReplicaSet name.
        var text = string.IsNullOrEmpty(failure.Message)
            ? $"ReplicaSet {ns}/{name} has condition ReplicaFailure=True, reason {reason}"
            : failure.Message;
        yield return Failure.Of(code, text, "status.conditions", [ns, name, .. QuotedPodNames(text)]);
    }

    private static IEnumerable<string> QuotedPodNames(string text) =>
        PodNamePattern().Matches(text).Select(static m => m.Groups[1].Value);

    [GeneratedRegex("pods? \"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex PodNamePattern();
}
