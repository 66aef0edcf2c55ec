namespace K8sGpt.Ai.Http;

/// <summary>A call to an AI backend failed; the message names the backend and says what to do next.</summary>
public sealed class AiBackendException : Exception
{
    public AiBackendException()
    {
        Backend = "";
    }

    public AiBackendException(string message)
        : base(message)
    {
        Backend = "";
    }

    public AiBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
        Backend = "";
    }

    public AiBackendException(string backend, AiFailureKind kind, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Backend = backend;
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>The backend's name (<c>openai</c>, <c>azureopenai</c>, ...).</summary>
    public string Backend { get; }

    public AiFailureKind Kind { get; }

    /// <summary>The HTTP status of the last attempt, when there was one.</summary>
    public int? StatusCode { get; }
}
