namespace K8sGpt.Core.Snapshot;

/// <summary>
/// Custom resources the optional analyzers read as <see cref="UnstructuredObject"/> (Gateway API and OLM).
/// Touching any field registers them all with <see cref="KnownResources"/>, so snapshot files and the live
/// source recognise them.
/// </summary>
public static class CustomResources
{
    public const string GatewayGroup = "gateway.networking.k8s.io";
    public const string OlmV0Group = "operators.coreos.com";
    public const string OlmV1Group = "olm.operatorframework.io";

    public static readonly ResourceType GatewayClasses = KnownResources.Register(
        new(GatewayGroup, "v1", "GatewayClass", "gatewayclasses", false) { AlternateVersions = ["v1beta1"] });

    public static readonly ResourceType Gateways = KnownResources.Register(
        new(GatewayGroup, "v1", "Gateway", "gateways", true) { AlternateVersions = ["v1beta1"] });

    public static readonly ResourceType HttpRoutes = KnownResources.Register(
        new(GatewayGroup, "v1", "HTTPRoute", "httproutes", true) { AlternateVersions = ["v1beta1"] });

    public static readonly ResourceType ReferenceGrants = KnownResources.Register(
        new(GatewayGroup, "v1beta1", "ReferenceGrant", "referencegrants", true) { AlternateVersions = ["v1alpha2"] });

    public static readonly ResourceType ClusterCatalogs = KnownResources.Register(
        new(OlmV1Group, "v1", "ClusterCatalog", "clustercatalogs", false));

    public static readonly ResourceType ClusterExtensions = KnownResources.Register(
        new(OlmV1Group, "v1", "ClusterExtension", "clusterextensions", false));

    public static readonly ResourceType ClusterServiceVersions = KnownResources.Register(
        new(OlmV0Group, "v1alpha1", "ClusterServiceVersion", "clusterserviceversions", true));

    public static readonly ResourceType Subscriptions = KnownResources.Register(
        new(OlmV0Group, "v1alpha1", "Subscription", "subscriptions", true));

    public static readonly ResourceType InstallPlans = KnownResources.Register(
        new(OlmV0Group, "v1alpha1", "InstallPlan", "installplans", true));

    public static readonly ResourceType CatalogSources = KnownResources.Register(
        new(OlmV0Group, "v1alpha1", "CatalogSource", "catalogsources", true));

    public static readonly ResourceType OperatorGroups = KnownResources.Register(
        new(OlmV0Group, "v1", "OperatorGroup", "operatorgroups", true) { AlternateVersions = ["v1alpha2"] });

    /// <summary>Every custom resource above (touching this registers them).</summary>
    public static IReadOnlyList<ResourceType> All =>
    [
        GatewayClasses, Gateways, HttpRoutes, ReferenceGrants, ClusterCatalogs, ClusterExtensions,
        ClusterServiceVersions, Subscriptions, InstallPlans, CatalogSources, OperatorGroups,
    ];
}
