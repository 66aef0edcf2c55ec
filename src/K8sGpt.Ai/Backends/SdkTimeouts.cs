using K8sGpt.Ai.Http;

namespace K8sGpt.Ai.Backends;

/// <summary>SDK-level timeouts sized so they never cut short the bounded retries below them.</summary>
internal static class SdkTimeouts
{
    public static TimeSpan Overall(AiHttpOptions http) =>
        (http.AttemptTimeout + http.MaxRetryAfter) * Math.Max(1, http.MaxAttempts) + TimeSpan.FromSeconds(10);
}
