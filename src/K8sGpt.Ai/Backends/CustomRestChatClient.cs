using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using K8sGpt.Ai.Http;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>Speaks the custom REST wire format. The JSON is written by a JSON writer, so any text is escaped.</summary>
internal sealed class CustomRestChatClient(HttpClient http, Uri endpoint, string token) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n", messages.Select(static m => m.Text));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Body(prompt, options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, ParseAnswer(text))) { ModelId = options?.ModelId };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("customrest answers are not streamed");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the registry entry and lives as long as the process.
    }

    internal static byte[] Body(string prompt, ChatOptions? options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("model", options?.ModelId ?? "");
            json.WriteString("prompt", prompt);
            json.WriteStartObject("options");
            json.WriteNumber("temperature", options?.Temperature ?? 0);
            json.WriteNumber("top_p", options?.TopP ?? 0);
            json.WriteNumber("top_k", options?.TopK ?? 0);
            json.WriteString("message", Property(options, ExplainProperties.Message) ?? prompt);
            json.WriteString("language", Property(options, ExplainProperties.Language) ?? "");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>One JSON object, or NDJSON lines whose <c>response</c> parts are joined.</summary>
    internal static string ParseAnswer(string body)
    {
        var answer = new StringBuilder();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("response", out var part) ||
                part.ValueKind != JsonValueKind.String)
            {
                throw new JsonException("the answer has no string field 'response'");
            }

            answer.Append(part.GetString());
        }

        return answer.ToString();
    }

    private static string? Property(ChatOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true ? value?.ToString() : null;
}
