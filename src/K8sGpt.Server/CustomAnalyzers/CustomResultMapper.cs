using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;
using K8sGpt.Server.Schema.V1;

namespace K8sGpt.Server.CustomAnalyzers;

/// <summary>Maps a custom analyzer's wire <see cref="Result"/> to a <see cref="Finding"/>.</summary>
internal static class CustomResultMapper
{
    public const string FailureCode = "CustomAnalyzer";

    public static Finding ToFinding(Result result, string analyzerName)
    {
        var slash = result.Name.IndexOf('/', StringComparison.Ordinal);
        return new Finding
        {
            Kind = result.Kind.Length == 0 ? analyzerName : result.Kind,
            Namespace = slash > 0 ? result.Name[..slash] : "",
            ObjectName = slash > 0 ? result.Name[(slash + 1)..] : result.Name,
            Failures = result.Error.Select(static e => new Failure(FailureCode, e.Text)
            {
                // The analyzer's own masks are not trusted: values are masked with ours, like built-in findings.
                Sensitive = e.Sensitive
                    .Where(static s => s.Unmasked.Length > 0)
                    .Select(static s => new SensitiveValue(s.Unmasked, Masker.Default.Mask(s.Unmasked)))
                    .ToArray(),
            }).ToArray(),
            ParentObject = result.ParentObject,
            Details = result.Details,
        };
    }
}
