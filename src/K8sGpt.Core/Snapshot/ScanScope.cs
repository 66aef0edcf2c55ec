using K8sGpt.Core.Selection;

namespace K8sGpt.Core.Snapshot;

/// <summary>What part of the cluster a snapshot covers.</summary>
/// <param name="Namespace">Namespace namespaced lists were limited to, or empty for all namespaces.</param>
public sealed record ScanScope(string Namespace, LabelSelector Selector)
{
    public static readonly ScanScope Everything = new("", LabelSelector.Everything);

    public bool CoversNamespace(string? ns) => Namespace.Length == 0 || string.Equals(Namespace, ns, StringComparison.Ordinal);
}
