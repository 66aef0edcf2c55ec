using K8sGpt.Core.Findings;
using K8sGpt.Server.Schema.V1;

namespace K8sGpt.Server.Services;

/// <summary>Maps a report to the wire response, every result field included (<c>parent_object</c> too).</summary>
public static class ResultMapper
{
    public static AnalyzeResponse ToResponse(AnalysisReport report)
    {
        var response = new AnalyzeResponse
        {
            Status = report.Status,
            Problems = report.Problems,
            Error = new Error(),
        };
        response.Errors.AddRange(report.Errors);
        response.Results.AddRange(report.Results.Select(ToResult));
        return response;
    }

    private static Result ToResult(Finding finding)
    {
        var result = new Result
        {
            Kind = finding.Kind,
            Name = finding.Name,
            Details = finding.Details,
            ParentObject = finding.ParentObject,
        };
        result.Error.AddRange(finding.Failures.Select(static f =>
        {
            var detail = new ErrorDetail { Text = f.Text };
            detail.Sensitive.AddRange(f.Sensitive.Select(static s => new SensitiveData { Unmasked = s.Unmasked, Masked = s.Masked }));
            return detail;
        }));
        return result;
    }
}
