using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// ClusterServiceVersions in phase <c>Failed</c>, explained by the latest entry of their condition history.
/// Transient phases are not problems, and copies OLM places in watched namespaces are reported once, at the source.
/// </summary>
public sealed class ClusterServiceVersionAnalyzer() : UnstructuredAnalyzer(CustomResources.ClusterServiceVersions)
{
    public override string Name => "ClusterServiceVersion";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var status = Json.Obj(obj.Body, "status");
        if (Json.Str(status, "phase") != "Failed" || MetaValues.Label(obj.Metadata, "olm.copiedFrom") is not null)
        {
            yield break;
        }

        // CSV conditions are a phase history without a status field: the latest entry explains the current phase.
        var latest = Json.Conditions(status)
            .Select(static (c, i) => (Condition: c, Index: i))
            .OrderBy(static e => e.Condition.LastTransitionTime ?? DateTimeOffset.MinValue)
            .ThenBy(static e => e.Index)
            .Select(static e => e.Condition)
            .LastOrDefault();
        var reason = latest?.Reason ?? Json.Str(status, "reason");
        var message = latest?.Message ?? Json.Str(status, "message");
        var detail = (reason.Length, message.Length) switch
        {
            (> 0, > 0) => $": {reason}: {message}",
            (> 0, _) => $": {reason}",
            (_, > 0) => $": {message}",
            _ => " (see status.conditions)",
        };
        // Install failures quote the operator's deployments by name.
        var deployments = Json.Objects(Json.At(obj.Body, "spec.install.spec"), "deployments").Select(static d => Json.Str(d, "name"));
        yield return Failure.Of(
            "ClusterServiceVersionFailed",
            $"phase=\"Failed\"{detail}",
            "status.phase",
            [obj.Metadata?.NamespaceProperty, obj.Metadata?.Name, .. deployments]);
    }
}
