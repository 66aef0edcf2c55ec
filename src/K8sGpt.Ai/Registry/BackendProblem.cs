namespace K8sGpt.Ai.Registry;

/// <summary>One missing or invalid setting of an AI backend, and the command that fixes it.</summary>
/// <param name="Setting">The setting's config key (<c>engine</c>, <c>baseurl</c>, <c>password</c>, ...).</param>
/// <param name="Message">What is wrong, in words (never containing a secret).</param>
/// <param name="Fix">The command that fixes it, for example <c>k8sgpt auth update --backend azureopenai --engine &lt;deployment&gt;</c>.</param>
public sealed record BackendProblem(string Setting, string Message, string Fix);
