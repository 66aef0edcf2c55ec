using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Whether a budget's spec makes every voluntary eviction impossible.</summary>
internal static class PdbBudget
{
    /// <summary>A phrase describing the blocking setting, or null when at least one eviction can be allowed.</summary>
    public static string? BlocksEveryEviction(V1PodDisruptionBudgetSpec? spec, int? matchingPods)
    {
        if (spec?.MaxUnavailable is { } maxUnavailable)
        {
            return IsZero(maxUnavailable.Value) ? $"has maxUnavailable {maxUnavailable.Value}" : null;
        }

        if (spec?.MinAvailable is not { } minAvailable)
        {
            return null;
        }

        var text = minAvailable.Value ?? "";
        if (text == "100%")
        {
            return "has minAvailable 100%";
        }

        return matchingPods is > 0 && int.TryParse(text, out var min) && min >= matchingPods
            ? $"has minAvailable {min} and matches {matchingPods} pod(s)"
            : null;
    }

    private static bool IsZero(string? value) => value is "0" or "0%";
}
