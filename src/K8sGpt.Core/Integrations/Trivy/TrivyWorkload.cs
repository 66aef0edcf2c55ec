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

    public string Parent => $"{Kind}/{Name}";

    public override string ToString() =>
        (Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}") + (Container.Length == 0 ? "" : $" (container {Container})");
}
