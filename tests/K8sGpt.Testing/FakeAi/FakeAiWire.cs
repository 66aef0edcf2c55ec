using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sGpt.Testing.FakeAi;

/// <summary>Normal answers and prompt extraction for each dialect, as the real services shape them.</summary>
public static class FakeAiWire
{
    public static (string ContentType, string Body) Answer(FakeAiDialect dialect, RecordedRequest request, string text, bool empty)
    {
        var json = request.Body.Length > 0 ? JsonNode.Parse(request.Body) : null;
        var model = json?["model"]?.GetValue<string>() ?? "fake-model";
        switch (dialect)
        {
            case FakeAiDialect.OpenAi:
                var choices = empty
                    ? new JsonArray()
                    : new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                        ["finish_reason"] = "stop",
                    });
                return ("application/json", new JsonObject
                {
                    ["id"] = "chatcmpl-fake",
                    ["object"] = "chat.completion",
                    ["created"] = 1764504000,
                    ["model"] = model,
                    ["choices"] = choices,
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
                }.ToJsonString());
            case FakeAiDialect.Ollama:
                var chunk = new JsonObject
                {
                    ["model"] = model,
                    ["created_at"] = "2026-11-30T12:00:00Z",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
                    ["done"] = true,
                    ["done_reason"] = "stop",
                }.ToJsonString();
                var streaming = json?["stream"]?.GetValue<bool>() ?? true;
                return (streaming ? "application/x-ndjson" : "application/json", streaming ? chunk + "\n" : chunk);
            case FakeAiDialect.Anthropic:
                var content = empty ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text });
                return ("application/json", new JsonObject
                {
                    ["id"] = "msg_fake",
                    ["type"] = "message",
                    ["role"] = "assistant",
                    ["model"] = model,
                    ["content"] = content,
                    ["stop_reason"] = "end_turn",
                    ["stop_sequence"] = null,
                    ["usage"] = new JsonObject { ["input_tokens"] = 10, ["output_tokens"] = 5 },
                }.ToJsonString());
            default:
                return ("application/json", new JsonObject
                {
                    ["model"] = model,
                    ["created_at"] = "2026-11-30T12:00:00Z",
                    ["response"] = text,
                }.ToJsonString());
        }
    }

    /// <summary>The text of the last user message (or the custom REST prompt) of a request.</summary>
    public static string PromptOf(FakeAiDialect dialect, RecordedRequest request)
    {
        if (request.Body.Length == 0)
        {
            return "";
        }

        try
        {
            var json = JsonNode.Parse(request.Body);
            if (dialect == FakeAiDialect.CustomRest)
            {
                return json?["prompt"]?.GetValue<string>() ?? "";
            }

            var last = json?["messages"]?.AsArray().LastOrDefault();
            return last?["content"] switch
            {
                JsonValue value => value.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(static p => p?["text"]?.GetValue<string>() ?? "")),
                _ => "",
            };
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
