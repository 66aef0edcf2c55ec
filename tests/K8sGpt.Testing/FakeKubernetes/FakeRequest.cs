namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>One request the fake API server received.</summary>
/// <param name="Query">Query string as sent, without the leading <c>?</c> (still URL-encoded).</param>
public sealed record FakeRequest(string Method, string Path, string Query, int Status)
{
    /// <summary>A decoded query parameter, or null when absent.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + Query).TryGetValue(name, out var values) ? values.ToString() : null;

    public override string ToString() => Query.Length == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{Query}";
}
