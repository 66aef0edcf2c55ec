namespace K8sGpt.Core.Findings;

/// <summary>
/// A value inside a failure text that identifies something in the cluster (a name, a namespace, a label value).
/// <see cref="Masked"/> is the stand-in sent to an AI backend under <c>--anonymize</c>.
/// </summary>
public sealed record SensitiveValue(string Unmasked, string Masked = "");
