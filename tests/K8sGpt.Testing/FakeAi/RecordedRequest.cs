namespace K8sGpt.Testing.FakeAi;

/// <summary>One request a fake AI endpoint received, exactly as it arrived.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>A header's value (comma-joined when repeated), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public System.Text.Json.Nodes.JsonNode? Json => System.Text.Json.Nodes.JsonNode.Parse(Body);
}
