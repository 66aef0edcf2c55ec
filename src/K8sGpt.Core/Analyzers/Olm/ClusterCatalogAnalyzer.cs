using K8sGpt.Core.Analysis;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// OLM v1 ClusterCatalogs with an invalid image reference, a resolved source without a digest, not serving (unless
/// deliberately made unavailable) or stuck progressing.
/// </summary>
public sealed class ClusterCatalogAnalyzer() : UnstructuredAnalyzer(CustomResources.ClusterCatalogs)
{
    public override string Name => "ClusterCatalog";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var name = obj.Metadata?.Name ?? "";
        var spec = Json.Obj(obj.Body, "spec");
        var status = Json.Obj(obj.Body, "status");
        var failures = new List<Failure>();

        // Condition messages quote the image reference, so every failure marks its parts, not just the name.
        string[] identities =
        [
            name,
            .. IdentifyingParts.OfImage(Json.Str(Json.At(spec, "source.image"), "ref")),
            .. IdentifyingParts.OfImage(Json.Str(Json.At(status, "resolvedSource.image"), "ref")),
        ];

        if (Json.At(spec, "source.image.ref") is not null)
        {
            var reference = Json.Str(Json.At(spec, "source.image"), "ref");
            if (!OciReference.IsValid(reference))
            {
                failures.Add(Failure.Of("ClusterCatalogInvalidImageRef", $"{name} has error: invalid image ref format in spec.source.image.ref: {reference}", "spec.source.image.ref", identities));
            }
        }

        // A resolved source must pin the image by digest; before resolution there is nothing to check.
        if (Json.Obj(status, "resolvedSource") is { } resolved)
        {
            var reference = Json.Str(Json.Obj(resolved, "image"), "ref");
            if (reference.Length == 0)
            {
                failures.Add(Failure.Of("ClusterCatalogResolvedRefMissing", $"{name} has error: missing status.resolvedSource.image.ref", "status.resolvedSource.image.ref", identities));
            }
            else if (!OciReference.HasSha256Digest(reference))
            {
                failures.Add(Failure.Of("ClusterCatalogResolvedRefNotPinned", $"{name} has error: status.resolvedSource.image.ref must end with @sha256:<digest>", "status.resolvedSource.image.ref", identities));
            }
        }

        // A obj made Unavailable on purpose is expected not to serve.
        var unavailable = Json.Str(spec, "availabilityMode") == "Unavailable";
        foreach (var condition in Json.Conditions(status))
        {
            var bad = condition.Type switch
            {
                "Serving" => !unavailable && condition.IsFalse,
                "Progressing" => condition.Reason.Length > 0 && condition.Reason != "Succeeded",
                _ => false,
            };
            if (bad)
            {
                failures.Add(Failure.Of(
                    $"ClusterCatalog{condition.Type}",
                    $"OLMv1 ClusterCatalog: {name} has condition of type {condition.Type}{condition.Because}",
                    "status.conditions",
                    identities));
            }
        }

        return failures;
    }
}
