using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Mutating admission webhooks whose Service is missing or has no healthy receiver pod.</summary>
public sealed class MutatingWebhookAnalyzer : WebhookAnalyzer<V1MutatingWebhookConfiguration>
{
    public override string Name => "MutatingWebhookConfiguration";

    protected override string Flavour => "Mutating";

    private protected override IEnumerable<WebhookEntry> Entries(V1MutatingWebhookConfiguration configuration) =>
        (configuration.Webhooks ?? []).Where(static w => w is not null).Select(static w => new WebhookEntry(w.Name ?? "", w.ClientConfig, w.FailurePolicy));
}
