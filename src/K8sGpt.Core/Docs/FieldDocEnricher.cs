using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Docs;

/// <summary>
/// The <c>--with-doc</c> step applied to a finished report: fills each failure's <see cref="Failure.KubernetesDoc"/>
/// with the description of the field its <see cref="Failure.DocPath"/> names, in the definition of the result's kind.
/// </summary>
public static class FieldDocEnricher
{
    public static AnalysisReport Apply(AnalysisReport report, FieldDocs docs) =>
        report with { Results = [.. report.Results.Select(finding => Enrich(finding, docs))] };

    private static Finding Enrich(Finding finding, FieldDocs docs)
    {
        var type = KnownResources.All.FirstOrDefault(t => t.Kind == finding.Kind && t.ClrType is not null)
            ?? KnownResources.All.FirstOrDefault(t => t.Kind == finding.Kind);
        if (type is null || finding.Failures.All(static f => f.DocPath.Length == 0))
        {
            return finding;
        }

        return finding with
        {
            Failures = [.. finding.Failures.Select(f => f.DocPath.Length == 0 ? f : f with { KubernetesDoc = docs.Describe(type, f.DocPath) })],
        };
    }
}
