using K8sGpt.Core.Analysis;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// CatalogSources whose registry connection is in <c>TRANSIENT_FAILURE</c>. <c>CONNECTING</c>, <c>IDLE</c> and
/// <c>READY</c> are normal gRPC states.
/// </summary>
public sealed class CatalogSourceAnalyzer() : UnstructuredAnalyzer(CustomResources.CatalogSources)
{
    public override string Name => "CatalogSource";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var connection = Json.Obj(Json.Obj(obj.Body, "status"), "connectionState");
        var state = Json.Str(connection, "lastObservedState");
        if (!string.Equals(state, "TRANSIENT_FAILURE", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var address = Json.Str(connection, "address");
        yield return Failure.Of(
            "CatalogSourceUnreachable",
            $"connectionState={state} (address={address})",
            "status.connectionState.lastObservedState",
            [obj.Metadata?.NamespaceProperty, obj.Metadata?.Name, .. IdentifyingParts.OfHost(address), .. IdentifyingParts.OfImage(Json.Str(Json.Obj(obj.Body, "spec"), "image"))]);
    }
}
