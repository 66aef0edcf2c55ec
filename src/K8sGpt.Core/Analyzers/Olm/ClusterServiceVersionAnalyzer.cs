using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// ClusterServiceVersions in phase <c>Failed</c>, explained by the latest entry of their condition history.
/// Transient phases are not problems, and copies OLM places in watched namespaces are reported once, at the source
/// (or at the copy when the source is outside the run).
/// </summary>
public sealed class ClusterServiceVersionAnalyzer() : UnstructuredAnalyzer(CustomResources.ClusterServiceVersions)
{
    public override string Name => "ClusterServiceVersion";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var status = Json.Obj(obj.Body, "status");
        var copiedFrom = MetaValues.Label(obj.Metadata, "olm.copiedFrom");
        if (Json.Str(status, "phase") != "Failed" || (copiedFrom is not null && SourceIsReported(obj, copiedFrom, snapshot)))
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
        var copy = copiedFrom is null ? "" : $" (copy of the CSV in namespace {copiedFrom}, which this run does not report on)";
        yield return Failure.Of(
            "ClusterServiceVersionFailed",
            $"phase=\"Failed\"{detail}{copy}",
            "status.phase",
            [obj.Metadata?.NamespaceProperty, obj.Metadata?.Name, copiedFrom, .. deployments]);
    }

    /// <summary>
    /// A copy is left out only when its source is reported by this run: a scan of the watched namespace alone
    /// (<c>-n team-b</c>) would otherwise hide the failure of the operator managing it.
    /// </summary>
    private static bool SourceIsReported(UnstructuredObject copy, string sourceNamespace, ClusterSnapshot snapshot)
    {
        var source = snapshot.Find<UnstructuredObject>(CustomResources.ClusterServiceVersions, sourceNamespace, copy.Metadata?.Name ?? "");
        return source.Found && snapshot.Scope.Selector.Matches(source.Value!.Metadata?.Labels);
    }
}
