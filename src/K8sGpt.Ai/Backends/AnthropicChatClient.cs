using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>
/// The Anthropic Messages API over plain HTTP (<c>POST /v1/messages</c>, <c>x-api-key</c>, <c>anthropic-version</c>).
/// The SDK's chat adapter dropped temperature and top-k and sent the key as a bearer token, so this speaks the
/// documented REST contract directly.
/// </summary>
internal sealed class AnthropicChatClient(HttpClient http, Uri messagesEndpoint, string apiKey) : IChatClient
{
    public const string ApiVersion = "2023-06-01";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, messagesEndpoint) { Content = new ByteArrayContent(Body(messages.ToArray(), options)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", ApiVersion);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, ParseAnswer(text))) { ModelId = options?.ModelId };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("anthropic answers are not streamed");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the registry entry and lives as long as the process.
    }

    private static byte[] Body(ChatMessage[] messages, ChatOptions? options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("model", options?.ModelId ?? "");
            json.WriteNumber("max_tokens", options?.MaxOutputTokens ?? 2048);
            var system = string.Join("\n", messages.Where(static m => m.Role == ChatRole.System).Select(static m => m.Text));
            if (system.Length > 0)
            {
                json.WriteString("system", system);
            }

            json.WriteStartArray("messages");
            foreach (var message in messages.Where(static m => m.Role != ChatRole.System))
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role == ChatRole.Assistant ? "assistant" : "user");
                json.WriteString("content", message.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (options?.Temperature is { } temperature)
            {
                json.WriteNumber("temperature", temperature);
            }

            if (options?.TopP is { } topP)
            {
                json.WriteNumber("top_p", topP);
            }

            if (options?.TopK is { } topK)
            {
                json.WriteNumber("top_k", topK);
            }

            if (options?.StopSequences is { Count: > 0 } stops)
            {
                json.WriteStartArray("stop_sequences");
                foreach (var stop in stops)
                {
                    json.WriteStringValue(stop);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Every text block of <c>content</c>, joined by newlines.</summary>
    internal static string ParseAnswer(string body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object ||
            !document.RootElement.TryGetProperty("content", out var content) ||
            content.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the answer has no 'content' list");
        }

        var parts = new StringBuilder();
        foreach (var block in content.EnumerateArray())
        {
            if (block.TryGetProperty("type", out var type) && type.GetString() == "text" &&
                block.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                parts.Append(parts.Length > 0 ? "\n" : "").Append(text.GetString());
            }
        }

        return parts.ToString();
    }
}
