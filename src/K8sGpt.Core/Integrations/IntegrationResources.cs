using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations;

/// <summary>
/// Custom resource types the integrations read as <see cref="UnstructuredObject"/>. Touching any member registers
/// them all in <see cref="KnownResources"/>, so snapshot files and the live source know them.
/// </summary>
public static class IntegrationResources
{
    public static readonly ResourceType ScaledObjects =
        KnownResources.Register(new("keda.sh", "v1alpha1", "ScaledObject", "scaledobjects", true));

    public static readonly ResourceType PolicyReports =
        KnownResources.Register(new("wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports", true) { AlternateVersions = ["v1beta1"] });

    public static readonly ResourceType ClusterPolicyReports =
        KnownResources.Register(new("wgpolicyk8s.io", "v1alpha2", "ClusterPolicyReport", "clusterpolicyreports", false) { AlternateVersions = ["v1beta1"] });

    public static readonly ResourceType VulnerabilityReports =
        KnownResources.Register(new("aquasecurity.github.io", "v1alpha1", "VulnerabilityReport", "vulnerabilityreports", true));

    public static readonly ResourceType ConfigAuditReports =
        KnownResources.Register(new("aquasecurity.github.io", "v1alpha1", "ConfigAuditReport", "configauditreports", true));

    /// <summary>
    /// Pseudo resource: the health of the Amazon EKS cluster behind the current context (control plane, managed node
    /// groups, add-ons), read from the AWS API by the live source. Not served by Kubernetes: the group is ours, so a
    /// dump can carry the objects and an offline run reads them back like any other.
    /// </summary>
    public static readonly ResourceType EksClusterHealth =
        KnownResources.Register(new("aws.k8sgpt.ai", "v1", "EKSClusterHealth", "eksclusterhealths", false) { Listed = false });
}
