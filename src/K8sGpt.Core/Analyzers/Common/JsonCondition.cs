namespace K8sGpt.Core.Analyzers;

/// <summary>One entry of a custom resource's <c>status.conditions</c>, read null-safely (missing fields are empty).</summary>
public sealed record JsonCondition(string Type, string Status, string Reason, string Message, DateTimeOffset? LastTransitionTime)
{
    public bool IsTrue => string.Equals(Status, "True", StringComparison.Ordinal);

    /// <summary>
    /// An explicit <c>False</c>. A condition without a status, or with <c>Unknown</c>, says the controller has not
    /// decided yet, which is not a failure of a condition that must be True.
    /// </summary>
    public bool IsFalse => string.Equals(Status, "False", StringComparison.Ordinal);

    /// <summary>The condition's reason and message as a failure text ends with them (see <see cref="ConditionText.Because"/>).</summary>
    public string Because => ConditionText.Because(Reason, Message);

    /// <summary><c>reason: message</c>, or whichever of the two is present.</summary>
    public string ReasonAndMessage => (Reason.Length, Message.Length) switch
    {
        (> 0, > 0) => $"{Reason}: {Message}",
        (> 0, _) => Reason,
        _ => Message,
    };
}
