using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>ConfigMaps that are consumed through the API (by controllers or sidecars) rather than mounted.</summary>
internal static class ConfigMapExemptions
{
    private static readonly string[] s_sidecarLabelKeys = ["grafana_dashboard", "grafana_datasource", "prometheus_rule", "fluentd_config"];

    private static readonly HashSet<string> s_controlPlaneNames = new(StringComparer.Ordinal)
    {
        "extension-apiserver-authentication", "cluster-info", "kubeadm-config", "kubelet-config", "kube-proxy",
        "coredns", "kube-dns", "kube-dns-autoscaler", "coredns-autoscaler", "cluster-autoscaler-status",
        "kube-apiserver-legacy-service-account-token-tracking", "kube-root-ca.crt",
    };

    public static bool IsReadThroughApi(V1ConfigMap configMap)
    {
        var meta = configMap.Metadata;
        var labels = meta?.Labels ?? new Dictionary<string, string>();
        var annotations = meta?.Annotations ?? new Dictionary<string, string>();
        return meta?.Name == "kube-root-ca.crt"
            || s_sidecarLabelKeys.Any(labels.ContainsKey)
            || IsTrue(labels, "k8sgpt.ai/dynamically-loaded")
            || IsTrue(annotations, "k8sgpt.ai/skip-usage-check")
            || annotations.ContainsKey(ServiceAnalyzer.LeaderAnnotation)
            || IsControlPlane(meta);
    }

    public static bool MayBeEmpty(V1ConfigMap configMap) =>
        configMap.Metadata?.Annotations?.ContainsKey(ServiceAnalyzer.LeaderAnnotation) == true || IsControlPlane(configMap.Metadata);

    private static bool IsControlPlane(V1ObjectMeta? meta) =>
        meta?.NamespaceProperty is "kube-system" or "kube-public"
        && meta.Name is { } name
        // kubeadm names the kubelet configuration per minor version before 1.24 (kubelet-config-1.23).
        && (s_controlPlaneNames.Contains(name) || name.StartsWith("kubelet-config-", StringComparison.Ordinal));

    private static bool IsTrue(IDictionary<string, string> map, string key) =>
        string.Equals(map.TryGetValue(key, out var value) ? value : null, "true", StringComparison.OrdinalIgnoreCase);
}
