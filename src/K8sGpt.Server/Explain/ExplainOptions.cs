namespace K8sGpt.Server.Explain;

/// <summary>What an Analyze request asks of the explanation step.</summary>
/// <param name="Backend">The backend chosen for this request (already validated as ready).</param>
/// <param name="Language">Language of the explanations; empty means English.</param>
/// <param name="Anonymize">Mask identifiers before anything is sent to the backend.</param>
/// <param name="NoCache">Skip the explanation cache.</param>
/// <param name="MaxConcurrency">How many AI calls may run at once.</param>
public sealed record ExplainOptions(string Backend, string Language, bool Anonymize, bool NoCache, int MaxConcurrency)
{
    /// <summary>Told about cache lookups and AI calls (the server's metrics), or null.</summary>
    public IExplainObserver? Observer { get; init; }
}
