using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// OLM v1 ClusterExtensions with an unusable source, an invalid upgrade constraint policy (a missing one is fine:
/// the CRD defaults it), not installed, or progressing with anything but success.
/// </summary>
public sealed class ClusterExtensionAnalyzer() : UnstructuredAnalyzer(CustomResources.ClusterExtensions)
{
    private static readonly string[] s_policies = ["CatalogProvided", "SelfCertified"];

    public override string Name => "ClusterExtension";

    protected override IEnumerable<Failure> Check(UnstructuredObject obj, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var name = obj.Metadata?.Name ?? "";
        var source = Json.At(obj.Body, "spec.source");
        var failures = new List<Failure>();

        // Condition messages quote the package, the install namespace and the service account by name.
        string[] identities =
        [
            name,
            Json.Str(Json.Obj(source, "catalog"), "packageName"),
            Json.Str(Json.Obj(obj.Body, "spec"), "namespace"),
            Json.Str(Json.At(obj.Body, "spec.serviceAccount"), "name"),
        ];

        if (Json.Str(source, "sourceType") != "Catalog")
        {
            failures.Add(Failure.Of("ClusterExtensionInvalidSourceType", $"{name} has error: invalid or missing spec.source.sourceType (expecting 'Catalog')", "spec.source.sourceType", identities));
        }

        var policy = Json.Str(Json.Obj(source, "catalog"), "upgradeConstraintPolicy");
        if (policy.Length > 0 && !s_policies.Contains(policy))
        {
            failures.Add(Failure.Of(
                "ClusterExtensionInvalidUpgradePolicy",
                $"{name} has error: invalid spec.source.catalog.upgradeConstraintPolicy '{policy}' (expecting 'SelfCertified' or 'CatalogProvided')",
                "spec.source.catalog.upgradeConstraintPolicy",
                identities));
        }

        foreach (var condition in Json.Conditions(Json.Obj(obj.Body, "status")))
        {
            var bad = condition.Type switch
            {
                "Installed" => condition.IsFalse,
                "Progressing" => condition.Reason.Length > 0 && condition.Reason != "Succeeded",
                _ => false,
            };
            if (bad)
            {
                failures.Add(Failure.Of(
                    $"ClusterExtension{condition.Type}",
                    $"OLMv1 ClusterExtension: {name} has condition of type {condition.Type}{condition.Because}",
                    "status.conditions",
                    identities));
            }
        }

        return failures;
    }
}
