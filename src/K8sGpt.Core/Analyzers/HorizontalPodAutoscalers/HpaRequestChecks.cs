using k8s.Models;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// A Resource or ContainerResource metric with a Utilization target is a percentage of the containers'
/// <em>requests</em>: without a request for that resource the HPA cannot compute it (limits do not count).
/// </summary>
internal static class HpaRequestChecks
{
    public static IEnumerable<Failure> Check(V2HorizontalPodAutoscaler hpa, string kind, string ns, string targetName, V1PodTemplateSpec template)
    {
        var containers = template.Spec?.Containers ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in hpa.Spec?.Metrics ?? [])
        {
            var (resource, container, utilization) = metric?.Type switch
            {
                "Resource" => (metric.Resource?.Name, (string?)null, metric.Resource?.Target?.Type == "Utilization"),
                "ContainerResource" => (metric.ContainerResource?.Name, metric.ContainerResource?.Container, metric.ContainerResource?.Target?.Type == "Utilization"),
                _ => (null, null, false),
            };
            if (!utilization || string.IsNullOrEmpty(resource) || !seen.Add($"{resource}/{container}"))
            {
                continue;
            }

            var missing = containers
                .Where(c => c is not null && (container is null || c.Name == container))
                .Where(c => c.Resources?.Requests is not { } requests || !requests.ContainsKey(resource))
                .Select(static c => c.Name)
                .ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            yield return Failure.Of(
                "HorizontalPodAutoscalerMissingResourceRequest",
                $"{kind} {ns}/{targetName} does not request {resource} for container(s) {string.Join(", ", missing)}, which the HorizontalPodAutoscaler's {resource} utilization target needs.",
                "spec.metrics",
                [ns, targetName, .. missing]);
        }
    }
}
