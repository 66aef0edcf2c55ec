using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>Whether a webhook's Service exists and has a healthy receiver pod.</summary>
internal static class WebhookChecks
{
    public static IEnumerable<Failure> Check(WebhookEntry webhook, string configName, string flavour, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        // URL-based webhooks call an address outside the cluster's Services: there is nothing here to look up.
        var reference = webhook.ClientConfig?.Service;
        if (reference is null || string.IsNullOrEmpty(reference.Name))
        {
            return [];
        }

        var ns = reference.NamespaceProperty ?? "";
        var serviceName = reference.Name;
        var impact = Impact(webhook.FailurePolicy);
        var service = snapshot.Find<V1Service>(ns, serviceName);
        if (service.NotFound)
        {
            return [Failure.Of(
                "WebhookServiceNotFound",
                $"Service {ns}/{serviceName} not found as mapped to by {flavour} Webhook {webhook.Name}{impact}",
                "webhooks.clientConfig.service",
                configName, webhook.Name, ns, serviceName)];
        }

        if (!service.Found)
        {
            context.ReportNotChecked(service.Reason, "webhook service");
            return [];
        }

        // Selector-less Services (manual endpoints) are left to the Service analyzer.
        var selector = service.Value?.Spec?.Selector;
        if (selector is not { Count: > 0 })
        {
            return [];
        }

        // Unknown pods prove nothing.
        if (snapshot.WhyUnknown(KnownResources.Pods, ns) is { } podsUnknown)
        {
            context.ReportNotChecked(podsUnknown, "webhook service's pods", "webhook services' pods");
            return [];
        }

        var matcher = LabelSelector.FromMatchLabels(selector);
        var pods = snapshot.All<V1Pod>()
            .Where(p => p.Metadata?.NamespaceProperty == ns && matcher.Matches(p.Metadata?.Labels))
            // Completed or evicted pods left behind are not receivers; only live pods are judged.
            .Where(static p => p.Status?.Phase is not ("Succeeded" or "Failed"))
            .OrderBy(static p => p.Metadata?.Name, StringComparer.Ordinal)
            .ToArray();
        if (pods.Length == 0)
        {
            return [Failure.Of(
                "WebhookNoActivePods",
                $"No active pods found within service {ns}/{serviceName} as mapped to by {flavour} Webhook {webhook.Name}{impact}",
                "webhooks.clientConfig.service",
                configName, webhook.Name, ns, serviceName)];
        }

        return pods
            .Where(static p => !IsServing(p))
            .Select(p => Failure.Of(
                "WebhookInactivePod",
                $"{flavour} Webhook ({webhook.Name}) is pointing to an inactive receiver pod ({p.Metadata?.Name}){impact}",
                "webhooks.clientConfig.service",
                configName, webhook.Name, ns, p.Metadata?.Name))
            .ToArray();
    }

    private static string Impact(string? failurePolicy) =>
        // admissionregistration.k8s.io/v1 defaults failurePolicy to Fail.
        failurePolicy is null or "Fail"
            ? "; its failurePolicy is Fail, so API requests it matches are rejected while it is unavailable"
            : "";

    private static bool IsServing(V1Pod pod)
    {
        if (pod.Status?.Phase != "Running")
        {
            return false;
        }

        var statuses = pod.Status.ContainerStatuses ?? [];
        if (statuses.Any(static s => s?.State?.Waiting?.Reason == "CrashLoopBackOff"))
        {
            return false;
        }

        var ready = pod.Status.Conditions?.FirstOrDefault(static c => c?.Type == "Ready");
        return ready is null ? statuses.All(static s => s?.Ready != false) : ready.Status == "True";
    }
}
