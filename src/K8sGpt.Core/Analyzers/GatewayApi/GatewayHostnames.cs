using K8sGpt.Core.Anonymization;

namespace K8sGpt.Core.Analyzers;

/// <summary>What identifies a Gateway API host name (<c>shop.example.com</c>, <c>*.example.com</c>) in a quoted message.</summary>
internal static class GatewayHostnames
{
    /// <summary>The host name, and for a wildcard also the domain under it, which messages may quote on its own.</summary>
    public static IEnumerable<string> Identities(string hostname)
    {
        var hosts = IdentifyingParts.OfHost(hostname);
        return hostname.StartsWith("*.", StringComparison.Ordinal) ? [.. hosts, .. IdentifyingParts.OfHost(hostname[2..])] : hosts;
    }
}
