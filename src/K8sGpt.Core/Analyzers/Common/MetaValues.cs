using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>Null-safe reads of labels and annotations.</summary>
internal static class MetaValues
{
    public static string? Label(V1ObjectMeta? meta, string key) =>
        meta?.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;

    public static string? Annotation(V1ObjectMeta? meta, string key) =>
        meta?.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;

    public static bool AnnotationIsTrue(V1ObjectMeta? meta, string key) =>
        string.Equals(Annotation(meta, key), "true", StringComparison.OrdinalIgnoreCase);
}
