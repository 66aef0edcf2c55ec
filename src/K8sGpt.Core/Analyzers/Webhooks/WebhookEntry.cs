using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>One webhook of a mutating or validating configuration, reduced to what the checks need.</summary>
internal sealed record WebhookEntry(string Name, Admissionregistrationv1WebhookClientConfig? ClientConfig, string? FailurePolicy);
