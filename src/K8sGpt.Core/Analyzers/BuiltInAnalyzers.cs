using K8sGpt.Core.Analysis;

namespace K8sGpt.Core.Analyzers;

/// <summary>The analyzers that ship with the product.</summary>
public static class BuiltInAnalyzers
{
    public static IReadOnlyList<IAnalyzer> Create() =>
    [
        new PodAnalyzer(),
        new DeploymentAnalyzer(),
        new ReplicaSetAnalyzer(),
        new StatefulSetAnalyzer(),
        new DaemonSetAnalyzer(),
        new JobAnalyzer(),
        new CronJobAnalyzer(),
        new ServiceAnalyzer(),
        new IngressAnalyzer(),
        new PersistentVolumeClaimAnalyzer(),
        new NodeAnalyzer(),
        new MutatingWebhookAnalyzer(),
        new ValidatingWebhookAnalyzer(),
        new ConfigMapAnalyzer(),
        new GatewayClassAnalyzer(),
        new GatewayAnalyzer(),
        new HttpRouteAnalyzer(),
        new ClusterCatalogAnalyzer(),
        new ClusterExtensionAnalyzer(),
        new ClusterServiceVersionAnalyzer(),
        new SubscriptionAnalyzer(),
        new InstallPlanAnalyzer(),
        new CatalogSourceAnalyzer(),
        new OperatorGroupAnalyzer(),
        new Integrations.Keda.ScaledObjectAnalyzer(),
        Integrations.Kyverno.PolicyReportAnalyzer.Namespaced(),
        Integrations.Kyverno.PolicyReportAnalyzer.ClusterScoped(),
        new Integrations.Trivy.VulnerabilityReportAnalyzer(),
        new Integrations.Trivy.ConfigAuditReportAnalyzer(),
        new Integrations.Prometheus.PrometheusConfigValidateAnalyzer(),
        new Integrations.Aws.EksAnalyzer(),
        new Integrations.Prometheus.PrometheusConfigRelabelReportAnalyzer(),
        new HorizontalPodAutoscalerAnalyzer(),
        new PodDisruptionBudgetAnalyzer(),
        new NetworkPolicyAnalyzer(),
        new StorageAnalyzer(),
        new SecurityAnalyzer(),
        new LogAnalyzer(),
    ];
}
