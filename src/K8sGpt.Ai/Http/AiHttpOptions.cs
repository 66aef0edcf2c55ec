namespace K8sGpt.Ai.Http;

/// <summary>Timeouts and retry bounds for every HTTP call to an AI backend. Immutable.</summary>
public sealed record AiHttpOptions
{
    public static readonly AiHttpOptions Default = new();

    /// <summary>How long one attempt (request and whole response) may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long connecting may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts in total for 429 and 5xx answers (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First backoff delay when the server gives no <c>Retry-After</c>; doubles per attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one ends the retries.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
