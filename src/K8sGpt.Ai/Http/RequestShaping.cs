namespace K8sGpt.Ai.Http;

/// <summary>Per-backend adjustments applied to every outgoing request. Immutable.</summary>
internal sealed record RequestShaping
{
    /// <summary>Extra headers (config <c>customheaders</c> or <c>--custom-headers</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Headers { get; init; } = [];

    /// <summary>Drop the <c>Authorization</c> header (backends configured without a key).</summary>
    public bool RemoveAuthorization { get; init; }

    /// <summary>Rename <c>max_completion_tokens</c> to <c>max_tokens</c> for OpenAI-compatible servers.</summary>
    public bool UseLegacyMaxTokens { get; init; }

    /// <summary>Send the <c>api-key</c> header's value as <c>Authorization: Bearer</c> instead (Azure AD tokens).</summary>
    public bool ApiKeyAsBearer { get; init; }

    /// <summary>Replace the <c>api-version</c> query value (Azure), or empty to leave it.</summary>
    public string ApiVersion { get; init; } = "";
}
