namespace K8sGpt.Core.Snapshot;

/// <summary>
/// The answer to "does this object exist?", which is never "no" when the truth is "could not look".
/// </summary>
public readonly record struct Lookup<T>(LookupOutcome Outcome, T? Value, string Reason)
    where T : class
{
    public bool Found => Outcome == LookupOutcome.Found;

    public bool NotFound => Outcome == LookupOutcome.NotFound;

    public static Lookup<T> Of(T value) => new(LookupOutcome.Found, value, "");

    public static Lookup<T> Missing() => new(LookupOutcome.NotFound, null, "");

    public static Lookup<T> Unknown(string reason) => new(LookupOutcome.Unknown, null, reason);
}
