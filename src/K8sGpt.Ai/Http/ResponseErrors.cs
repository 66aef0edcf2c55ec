using System.Text.Json;

namespace K8sGpt.Ai.Http;

/// <summary>Turns an HTTP error answer into a message that names the backend, the status and what to do.</summary>
internal static class ResponseErrors
{
    private const int MaxDetail = 300;

    public static AiBackendException FromStatus(string backend, HttpRequestMessage request, HttpResponseMessage response, string body, int attempts)
    {
        var status = (int)response.StatusCode;
        var detail = Detail(response, body);
        var where = ResilientHandler.Describe(request);
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        return status switch
        {
            401 or 403 => new AiBackendException(
                backend,
                AiFailureKind.Unauthorized,
                $"AI backend '{backend}' rejected the credentials (HTTP {status}){detail}. Set a valid key: k8sgpt auth update --backend {backend} --password <key>",
                status),
            404 => new AiBackendException(
                backend,
                AiFailureKind.NotFound,
                $"AI backend '{backend}' answered 404 Not Found for {where}{detail}: the model or deployment does not exist there. Check the model, engine and base URL (k8sgpt auth list --details)",
                status),
            429 => new AiBackendException(
                backend,
                AiFailureKind.RateLimited,
                $"AI backend '{backend}' is rate limiting requests or its quota is exhausted (HTTP 429{tries}){detail}",
                status),
            >= 500 => new AiBackendException(
                backend,
                AiFailureKind.ServerError,
                $"AI backend '{backend}' failed with HTTP {status}{tries} for {where}{detail}",
                status),
            _ => new AiBackendException(
                backend,
                AiFailureKind.Rejected,
                $"AI backend '{backend}' refused the request with HTTP {status} for {where}{detail}",
                status),
        };
    }

    private static string Detail(HttpResponseMessage response, string body)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var trimmed = body.TrimStart();
        if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith('<'))
        {
            return " (the answer is an HTML page, not the API: check the base URL)";
        }

        if (trimmed.Length == 0)
        {
            return "";
        }

        var message = JsonMessage(trimmed) ?? trimmed;
        message = message.ReplaceLineEndings(" ");
        return ": " + (message.Length > MaxDetail ? message[..MaxDetail] + "…" : message);
    }

    private static string? JsonMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var nested) && nested.ValueKind == JsonValueKind.String)
                {
                    return nested.GetString();
                }
            }

            return root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: the caller shows the raw text instead.
            return null;
        }
    }
}
