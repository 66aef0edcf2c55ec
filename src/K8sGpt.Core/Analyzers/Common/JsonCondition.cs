namespace K8sGpt.Core.Analyzers;

/// <summary>One entry of a custom resource's <c>status.conditions</c>, read null-safely (missing fields are empty).</summary>
public sealed record JsonCondition(string Type, string Status, string Reason, string Message, DateTimeOffset? LastTransitionTime)
{
    public bool IsTrue => string.Equals(Status, "True", StringComparison.Ordinal);

    public bool IsFalse => string.Equals(Status, "False", StringComparison.Ordinal);

    /// <summary><c>reason: message</c>, or whichever of the two is present.</summary>
    public string ReasonAndMessage => (Reason.Length, Message.Length) switch
    {
        (> 0, > 0) => $"{Reason}: {Message}",
        (> 0, _) => Reason,
        _ => Message,
    };
}
