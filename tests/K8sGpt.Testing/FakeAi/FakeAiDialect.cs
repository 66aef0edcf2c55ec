namespace K8sGpt.Testing.FakeAi;

/// <summary>The wire format a fake AI endpoint answers in.</summary>
public enum FakeAiDialect
{
    /// <summary>OpenAI chat completions (also Azure OpenAI, localai, litellm, groq).</summary>
    OpenAi,

    /// <summary>Ollama native <c>/api/chat</c>.</summary>
    Ollama,

    /// <summary>Anthropic <c>/v1/messages</c>.</summary>
    Anthropic,

    /// <summary>The custom REST contract: <c>{model, created_at, response}</c>.</summary>
    CustomRest,
}
