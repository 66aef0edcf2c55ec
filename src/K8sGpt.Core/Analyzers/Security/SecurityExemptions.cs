namespace K8sGpt.Core.Analyzers;

/// <summary>
/// The rule for what the control plane needs: objects in the system namespaces (kube-system, kube-public,
/// kube-node-lease), bindings and roles whose name starts with <c>system:</c> (created and reconciled by the API
/// server), and subjects that are system identities (<c>system:</c> users and groups such as
/// <c>system:masters</c>, and service accounts of the system namespaces) are never reported. Everything else,
/// including add-ons installed into their own namespaces, is.
/// </summary>
internal static class SecurityExemptions
{
    private static readonly HashSet<string> s_systemNamespaces = ["kube-system", "kube-public", "kube-node-lease"];

    public static bool IsSystemNamespace(string? ns) => ns is not null && s_systemNamespaces.Contains(ns);

    public static bool IsSystemName(string? name) => name?.StartsWith("system:", StringComparison.Ordinal) == true;

    public static bool IsSystemSubject(string? kind, string? name, string? ns) => kind switch
    {
        "ServiceAccount" => IsSystemNamespace(ns),
        _ => IsSystemName(name),
    };
}
