using k8s.Models;

namespace K8sGpt.Core.Analyzers;

/// <summary>What an endpoint points to: <c>Kind/name</c> when it has a target reference, else its address.</summary>
internal sealed record EndpointTarget(string Kind, string Name, string Address)
{
    public string Key => Kind.Length > 0 ? $"{Kind}/{Name}" : Address;

    /// <summary>Rendered the way the reference does: <c>Pod/web-1</c>, or the address when there is no target.</summary>
    public string Label => Kind.Length > 0 ? $"{Kind}/{Name}" : Address;

    public static EndpointTarget Of(V1ObjectReference? target, string? address) =>
        target?.Name is { Length: > 0 } name
            ? new EndpointTarget(target.Kind ?? "", name, address ?? "")
            : new EndpointTarget("", address ?? "", address ?? "");
}
