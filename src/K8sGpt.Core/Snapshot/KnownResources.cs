using System.Runtime.CompilerServices;
using k8s.Models;

namespace K8sGpt.Core.Snapshot;

/// <summary>
/// The resource types the analyzers read, with their typed models.
/// </summary>
public static class KnownResources
{
    public static readonly ResourceType Pods = new("", "v1", "Pod", "pods", true, typeof(V1Pod));
    public static readonly ResourceType Services = new("", "v1", "Service", "services", true, typeof(V1Service));
    public static readonly ResourceType Endpoints = new("", "v1", "Endpoints", "endpoints", true, typeof(V1Endpoints));
    public static readonly ResourceType ConfigMaps = new("", "v1", "ConfigMap", "configmaps", true, typeof(V1ConfigMap));
    public static readonly ResourceType Secrets = new("", "v1", "Secret", "secrets", true, typeof(V1Secret));
    public static readonly ResourceType PersistentVolumeClaims = new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, typeof(V1PersistentVolumeClaim));
    public static readonly ResourceType PersistentVolumes = new("", "v1", "PersistentVolume", "persistentvolumes", false, typeof(V1PersistentVolume));
    public static readonly ResourceType Nodes = new("", "v1", "Node", "nodes", false, typeof(V1Node));
    public static readonly ResourceType Namespaces = new("", "v1", "Namespace", "namespaces", false, typeof(V1Namespace));
    public static readonly ResourceType Events = new("", "v1", "Event", "events", true, typeof(Corev1Event));
    public static readonly ResourceType ServiceAccounts = new("", "v1", "ServiceAccount", "serviceaccounts", true, typeof(V1ServiceAccount));
    public static readonly ResourceType ReplicationControllers = new("", "v1", "ReplicationController", "replicationcontrollers", true, typeof(V1ReplicationController));

    public static readonly ResourceType Deployments = new("apps", "v1", "Deployment", "deployments", true, typeof(V1Deployment));
    public static readonly ResourceType ReplicaSets = new("apps", "v1", "ReplicaSet", "replicasets", true, typeof(V1ReplicaSet));
    public static readonly ResourceType StatefulSets = new("apps", "v1", "StatefulSet", "statefulsets", true, typeof(V1StatefulSet));
    public static readonly ResourceType DaemonSets = new("apps", "v1", "DaemonSet", "daemonsets", true, typeof(V1DaemonSet));

    public static readonly ResourceType Jobs = new("batch", "v1", "Job", "jobs", true, typeof(V1Job));
    public static readonly ResourceType CronJobs = new("batch", "v1", "CronJob", "cronjobs", true, typeof(V1CronJob));

    public static readonly ResourceType Ingresses = new("networking.k8s.io", "v1", "Ingress", "ingresses", true, typeof(V1Ingress));
    public static readonly ResourceType IngressClasses = new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, typeof(V1IngressClass));
    public static readonly ResourceType NetworkPolicies = new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, typeof(V1NetworkPolicy));
    public static readonly ResourceType EndpointSlices = new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, typeof(V1EndpointSlice));

    public static readonly ResourceType StorageClasses = new("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, typeof(V1StorageClass));

    public static readonly ResourceType MutatingWebhookConfigurations = new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false, typeof(V1MutatingWebhookConfiguration));
    public static readonly ResourceType ValidatingWebhookConfigurations = new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false, typeof(V1ValidatingWebhookConfiguration));

    public static readonly ResourceType HorizontalPodAutoscalers = new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, typeof(V2HorizontalPodAutoscaler));
    public static readonly ResourceType PodDisruptionBudgets = new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, typeof(V1PodDisruptionBudget));

    public static readonly ResourceType Roles = new("rbac.authorization.k8s.io", "v1", "Role", "roles", true, typeof(V1Role));
    public static readonly ResourceType RoleBindings = new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, typeof(V1RoleBinding));
    public static readonly ResourceType ClusterRoles = new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, typeof(V1ClusterRole));
    public static readonly ResourceType ClusterRoleBindings = new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, typeof(V1ClusterRoleBinding));

    /// <summary>
    /// Pseudo resource: the recent log tails of failing or restarting containers (<c>pods/{pod}/log</c>). Not a
    /// list: a source that honours it reads the logs after listing pods, into <see cref="ClusterSnapshot.ContainerLogs"/>.
    /// </summary>
    public static readonly ResourceType PodLogs = new("", "v1", "PodLog", "pods/log", true) { Listed = false };

    private static readonly List<ResourceType> s_all = [];
    private static readonly Dictionary<Type, ResourceType> s_byClrType = [];
    private static readonly Dictionary<(string Group, string Kind), ResourceType> s_byGroupKind = [];
    private static readonly Lock s_gate = new();

    // Custom resource types live with the analyzers that read them and register themselves when first touched;
    // every lookup first makes sure they have, so reading a snapshot never depends on what was constructed before.
    private static readonly Lazy<bool> s_customResources = new(static () =>
    {
        RuntimeHelpers.RunClassConstructor(typeof(CustomResources).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(Integrations.IntegrationResources).TypeHandle);
        return true;
    });

    static KnownResources()
    {
        foreach (var field in typeof(KnownResources).GetFields())
        {
            if (field.GetValue(null) is ResourceType type)
            {
                Register(type);
            }
        }
    }

    /// <summary>Every registered resource type, typed and custom.</summary>
    public static IReadOnlyList<ResourceType> All
    {
        get
        {
            _ = s_customResources.Value;
            lock (s_gate)
            {
                return [.. s_all];
            }
        }
    }

    /// <summary>Registers a resource type (custom resources register themselves from their analyzers).</summary>
    public static ResourceType Register(ResourceType type)
    {
        lock (s_gate)
        {
            if (s_byGroupKind.TryGetValue((type.Group, type.Kind), out var existing))
            {
                return existing;
            }

            s_all.Add(type);
            s_byGroupKind[(type.Group, type.Kind)] = type;
            if (type.ClrType is not null)
            {
                s_byClrType[type.ClrType] = type;
            }

            return type;
        }
    }

    /// <summary>The resource type read into the typed model <typeparamref name="T"/>.</summary>
    public static ResourceType For<T>() => For(typeof(T));

    public static ResourceType For(Type clrType)
    {
        lock (s_gate)
        {
            return s_byClrType.TryGetValue(clrType, out var type)
                ? type
                : throw new ArgumentException($"{clrType.Name} is not a known Kubernetes resource model.", nameof(clrType));
        }
    }

    /// <summary>Finds a type by API group and kind, whatever the version.</summary>
    public static ResourceType? Find(string group, string kind)
    {
        _ = s_customResources.Value;
        lock (s_gate)
        {
            return s_byGroupKind.GetValueOrDefault((group, kind));
        }
    }

    /// <summary>Finds a type from an object's <c>apiVersion</c> and <c>kind</c>.</summary>
    public static ResourceType? FindByApiVersion(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        return Find(group, kind);
    }
}
