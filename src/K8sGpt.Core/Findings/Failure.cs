namespace K8sGpt.Core.Findings;

/// <summary>
/// One problem found on one object.
/// </summary>
/// <param name="Code">Stable identifier of the condition (for example <c>PodCrashLoopBackOff</c>).</param>
/// <param name="Text">Human-readable description, rendered from structured facts.</param>
/// <param name="DocPath">Dotted path of the field the problem is about (for example <c>spec.replicas</c>), or empty.</param>
public sealed record Failure(string Code, string Text, string DocPath = "")
{
    /// <summary>Values inside <see cref="Text"/> that identify cluster objects.</summary>
    public IReadOnlyList<SensitiveValue> Sensitive { get; init; } = [];

    /// <summary>Field description from the cluster's OpenAPI document, filled only when asked for (<c>--with-doc</c>).</summary>
    public string KubernetesDoc { get; init; } = "";

    /// <summary>Builds a failure whose listed values are marked sensitive (empty values are ignored).</summary>
    public static Failure Of(string code, string text, string docPath, params string?[] sensitive) =>
        new(code, text, docPath)
        {
            Sensitive = sensitive
                .Where(static s => !string.IsNullOrEmpty(s))
                .Distinct(StringComparer.Ordinal)
                .Select(static s => new SensitiveValue(s!))
                .ToArray(),
        };
}
