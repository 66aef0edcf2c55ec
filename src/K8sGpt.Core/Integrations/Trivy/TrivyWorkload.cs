using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Trivy;

/// <summary>The workload a Trivy operator report is about, from the labels the operator puts on every report.</summary>
internal sealed record TrivyWorkload(string Kind, string Namespace, string Name, string Container)
{
    public static TrivyWorkload? Of(UnstructuredObject report)
    {
        var labels = report.Metadata?.Labels;
        if (labels is null
            || !labels.TryGetValue("trivy-operator.resource.kind", out var kind)
            || !labels.TryGetValue("trivy-operator.resource.name", out var name))
        {
            return null;
        }

        var ns = (labels.TryGetValue("trivy-operator.resource.namespace", out var labelled) ? labelled : null) ?? report.Metadata?.NamespaceProperty ?? "";
        return new(kind, ns, name, (labels.TryGetValue("trivy-operator.container.name", out var container) ? container : ""));
    }

    /// <summary>The workload's name, namespace and container: what the report's texts quote.</summary>
    public IEnumerable<string> Identities => [Name, Namespace, Container];

    /// <summary>
    /// The workload's top owner (ReplicaSet → Deployment) when the snapshot has it, else the workload itself; the
    /// context is told when the workload's type was not read, since its owner could not be looked for.
    /// </summary>
    public string ParentIn(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        if (WorkloadType is { } type && snapshot.WhyUnknown(type, Namespace) is { } why)
        {
            context.ReportNotChecked(why, "workload owner");
        }

        return FindIn(snapshot) is { } workload && snapshot.ResolveParent(workload) is { Length: > 0 } top ? top : $"{Kind}/{Name}";
    }

    /// <summary>The workload's container names and images when the snapshot has it: report messages quote them.</summary>
    public IEnumerable<string> ContainerIdentitiesIn(ClusterSnapshot snapshot) =>
        PodTemplates.ContainerIdentities(PodTemplates.SpecOf(FindIn(snapshot)));

    private ResourceType? WorkloadType =>
        KnownResources.All.FirstOrDefault(t => t.ClrType is not null && string.Equals(t.Kind, Kind, StringComparison.Ordinal));

    private IKubernetesObject<V1ObjectMeta>? FindIn(ClusterSnapshot snapshot)
    {
        var type = WorkloadType;
        return type is null
            ? null
            : snapshot.Objects(type).FirstOrDefault(o => o.Metadata?.Name == Name && (!type.Namespaced || o.Metadata?.NamespaceProperty == Namespace));
    }

    public override string ToString() =>
        (Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}") + (Container.Length == 0 ? "" : $" (container {Container})");
}
