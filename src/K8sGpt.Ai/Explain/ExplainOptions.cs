namespace K8sGpt.Ai.Explain;

/// <summary>How a report is explained. Immutable.</summary>
public sealed record ExplainOptions
{
    /// <summary>Answer language, inserted into the prompt and the cache key as given.</summary>
    public string Language { get; init; } = "english";

    /// <summary>Mask sensitive values before anything is sent, unmask the answers.</summary>
    public bool Anonymize { get; init; }

    /// <summary>How many AI calls may run at once.</summary>
    public int MaxConcurrency { get; init; } = 4;
}
