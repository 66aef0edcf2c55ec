namespace K8sGpt.Core.Integrations;

/// <summary>The integrations the product knows, in the order they are listed.</summary>
public static class IntegrationCatalog
{
    public static IReadOnlyList<Integration> All { get; } =
    [
        new(
            "aws",
            "Amazon EKS cluster health, read through the AWS API",
            ["EKS"],
            [],
            "nothing is checked now: at analysis time the EKS analyzer asks AWS about the EKS cluster of the current context, with the AWS credentials of your environment (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, IRSA, ...); a context that is not EKS, or no credentials, is skipped with a note"),
        new(
            "keda",
            "KEDA ScaledObjects: scale targets, readiness, fallback and the HPA KEDA manages",
            ["ScaledObject"],
            [IntegrationResources.ScaledObjects],
            "install KEDA: helm repo add kedacore https://kedacore.github.io/charts && helm install keda kedacore/keda --namespace keda --create-namespace"),
        new(
            "kyverno",
            "Kyverno policy reports: failed and errored policy results and the resources they concern",
            ["PolicyReport", "ClusterPolicyReport"],
            [IntegrationResources.PolicyReports, IntegrationResources.ClusterPolicyReports],
            "install Kyverno (it installs the wgpolicyk8s.io policy report CRDs): helm repo add kyverno https://kyverno.github.io/kyverno/ && helm install kyverno kyverno/kyverno --namespace kyverno --create-namespace"),
        new(
            "prometheus",
            "Prometheus configuration read from the cluster: validation and a relabeling report",
            ["PrometheusConfigValidate", "PrometheusConfigRelabelReport"],
            [],
            "nothing is checked now: at analysis time the analyzer reads the configuration of Prometheus pods labelled app=prometheus or app.kubernetes.io/name=prometheus")
        {
            Informational = ["PrometheusConfigRelabelReport"],
        },
        new(
            "trivy",
            "Trivy operator reports: critical vulnerabilities and failed critical/high configuration audit checks",
            ["VulnerabilityReport", "ConfigAuditReport"],
            [IntegrationResources.VulnerabilityReports, IntegrationResources.ConfigAuditReports],
            "install the Trivy operator: helm repo add aqua https://aquasecurity.github.io/helm-charts/ && helm install trivy-operator aqua/trivy-operator --namespace trivy-system --create-namespace"),
    ];

    /// <summary>The integration with this name (case-insensitive), or null.</summary>
    public static Integration? Find(string name) =>
        All.FirstOrDefault(i => string.Equals(i.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The integration an analyzer belongs to, or null for core and optional analyzers.</summary>
    public static Integration? OwnerOf(string analyzerName) =>
        All.FirstOrDefault(i => i.Analyzers.Contains(analyzerName, StringComparer.OrdinalIgnoreCase));
}
