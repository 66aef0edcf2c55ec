using System.Text.Json;

namespace K8sGpt.Testing.FakeAiServe;

/// <summary>How the fake answers one request.</summary>
public sealed record FakeChatReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    /// <summary>When set, the fake waits for this task before it answers (a call held in flight).</summary>
    public Task? HoldUntil { get; init; }

    /// <summary>A normal chat completion whose single choice says <paramref name="content"/>.</summary>
    public static FakeChatReply Answer(string content) => new(200, Completion([new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" }]));

    public static FakeChatReply EmptyChoices() => new(200, Completion([]));

    public static FakeChatReply InvalidJson() => new(200, "{\"id\": \"chatcmpl-1\", \"choices\": [ this is not json");

    public static FakeChatReply Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { message, type = "fake_error", code = status.ToString(System.Globalization.CultureInfo.InvariantCulture) } }), headers);

    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    public static FakeChatReply Hanging() => new(200, "", null, Hang: true);

    private static string Completion(object[] choices) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = "fake-model",
        choices,
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });
}
