namespace K8sGpt.Core.Analyzers;

/// <summary>How a condition's reason and message read at the end of a failure text, whichever of them is present.</summary>
internal static class ConditionText
{
    /// <summary>
    /// <c>, reason R: message</c>, <c>, reason R</c>, <c>: message</c>, or nothing: a condition written without a reason
    /// or a message must not leave a dangling <c>reason : </c> behind.
    /// </summary>
    public static string Because(string? reason, string? message) => (string.IsNullOrEmpty(reason), string.IsNullOrEmpty(message)) switch
    {
        (false, false) => $", reason {reason}: {message}",
        (false, true) => $", reason {reason}",
        (true, false) => $": {message}",
        _ => "",
    };
}
