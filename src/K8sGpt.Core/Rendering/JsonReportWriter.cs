using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Rendering;

/// <summary>
/// Writes a report in the reference tool's JSON shape: <c>provider</c>, <c>errors</c>, <c>status</c>,
/// <c>problems</c>, <c>results[]</c> with capitalised failure keys, and <c>null</c> for empty lists.
/// </summary>
public static class JsonReportWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnalysisReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(AnalysisReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, s_options);
        json.WriteStartObject();
        json.WriteString("provider", report.Provider);
        WriteStrings(json, "errors", report.Errors);
        json.WriteString("status", report.Status);
        json.WriteNumber("problems", report.Problems);
        if (report.Results.Count == 0)
        {
            json.WriteNull("results");
        }
        else
        {
            json.WriteStartArray("results");
            foreach (var result in report.Results)
            {
                WriteResult(json, result);
            }

            json.WriteEndArray();
        }

        if (report.Notes.Count > 0)
        {
            WriteStrings(json, "notes", report.Notes);
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding result)
    {
        json.WriteStartObject();
        json.WriteString("kind", result.Kind);
        json.WriteString("name", result.Name);
        json.WriteStartArray("error");
        foreach (var failure in result.Failures)
        {
            json.WriteStartObject();
            json.WriteString("Text", failure.Text);
            json.WriteString("KubernetesDoc", failure.KubernetesDoc);
            if (failure.Sensitive.Count == 0)
            {
                json.WriteNull("Sensitive");
            }
            else
            {
                json.WriteStartArray("Sensitive");
                foreach (var value in failure.Sensitive)
                {
                    json.WriteStartObject();
                    json.WriteString("Unmasked", value.Unmasked);
                    json.WriteString("Masked", value.Masked);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("details", result.Details);
        json.WriteString("parentObject", result.ParentObject);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
