namespace K8sGpt.Testing.FakeAi;

/// <summary>A scripted answer for one request to a fake AI endpoint.</summary>
public sealed record FakeReply
{
    public int Status { get; init; } = 200;

    /// <summary>Raw body; null means "a normal answer in the dialect, with <see cref="Text"/>".</summary>
    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>Answer text for a normal answer; null uses the server's responder.</summary>
    public string? Text { get; init; }

    public string? RetryAfter { get; init; }

    /// <summary>Never answer (until the client gives up).</summary>
    public bool Hang { get; init; }

    /// <summary>A normal answer whose choice list (or content) is empty.</summary>
    public bool Empty { get; init; }

    public static FakeReply Answer(string text) => new() { Text = text };

    public static FakeReply Error(int status, string message = "scripted failure") =>
        new() { Status = status, Body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"fake\"}}" };

    public static FakeReply RateLimited(string retryAfter) => Error(429, "rate limited") with { RetryAfter = retryAfter };

    public static FakeReply HtmlPage(int status = 502) =>
        new() { Status = status, ContentType = "text/html", Body = "<html><body><h1>Bad Gateway</h1></body></html>" };

    public static FakeReply InvalidJson() => new() { Body = "{\"choices\": [ {\"message\": " };

    public static FakeReply EmptyAnswer() => new() { Empty = true };

    public static FakeReply Hanging() => new() { Hang = true };
}
