using k8s.Models;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Analyzers;

/// <summary>The HPA's own status conditions, with the healthy look-alikes left out.</summary>
internal static class HpaConditionChecks
{
    public static IEnumerable<Failure> Check(V2HorizontalPodAutoscaler hpa)
    {
        var ns = hpa.Metadata?.NamespaceProperty ?? "";
        var name = hpa.Metadata?.Name ?? "";
        foreach (var condition in hpa.Status?.Conditions ?? [])
        {
            if (condition is null)
            {
                continue;
            }

            var code = condition.Type switch
            {
                "ScalingLimited" when condition.Status == "True" && !IsHealthyLimit(hpa, condition.Reason) => "HorizontalPodAutoscalerScalingLimited",
                "AbleToScale" when condition.Status == "False" => "HorizontalPodAutoscalerUnableToScale",
                // ScalingDisabled: the target was scaled to zero on purpose, which switches autoscaling off.
                "ScalingActive" when condition.Status == "False" && condition.Reason != "ScalingDisabled" => "HorizontalPodAutoscalerScalingInactive",
                _ => null,
            };
            if (code is null)
            {
                continue;
            }

            var detail = string.IsNullOrEmpty(condition.Message) ? "" : $": {condition.Message}";
            yield return Failure.Of(
                code,
                $"HorizontalPodAutoscaler {ns}/{name} has condition {condition.Type}={condition.Status}, reason {Or(condition.Reason)}{detail}",
                "status.conditions",
                ns,
                name);
        }
    }

    /// <summary>
    /// Resting at minReplicas (TooFewReplicas with desired == minReplicas) is the normal idle state; ScaleUpLimit and
    /// ScaleDownLimit are the configured rate limits of <c>spec.behavior</c> at work and pass on their own.
    /// </summary>
    private static bool IsHealthyLimit(V2HorizontalPodAutoscaler hpa, string? reason) => reason switch
    {
        "TooFewReplicas" => (hpa.Status?.DesiredReplicas ?? -1) == (hpa.Spec?.MinReplicas ?? 1),
        "ScaleUpLimit" or "ScaleDownLimit" => true,
        _ => false,
    };

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "Unknown" : value;
}
