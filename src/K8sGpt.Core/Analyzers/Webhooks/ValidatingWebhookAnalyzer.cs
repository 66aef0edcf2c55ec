using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Validating admission webhooks whose Service is missing or has no healthy receiver pod.</summary>
public sealed class ValidatingWebhookAnalyzer : WebhookAnalyzer<V1ValidatingWebhookConfiguration>
{
    public override string Name => "ValidatingWebhookConfiguration";

    protected override string Flavour => "Validating";

    private protected override IEnumerable<WebhookEntry> Entries(V1ValidatingWebhookConfiguration configuration) =>
        (configuration.Webhooks ?? []).Where(static w => w is not null).Select(static w => new WebhookEntry(w.Name ?? "", w.ClientConfig, w.FailurePolicy));
}
