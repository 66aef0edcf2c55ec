namespace K8sGpt.Core.Anonymization;

/// <summary>
/// The parts of a quoted image reference or address that identify a cluster, split the way they must be listed as
/// sensitive: the anonymizer masks whole names only, so a dotted host is listed whole (<c>example.com</c> alone would
/// leave <c>registry.</c> visible) and an image path segment by segment (its tag and digest identify nothing and stay
/// readable for the AI).
/// </summary>
public static class IdentifyingParts
{
    /// <summary>
    /// The registry host (without port) and every repository path segment of an image reference:
    /// <c>registry.example.com:5000/shop/cart:1.2@sha256:...</c> gives <c>registry.example.com</c>, <c>shop</c>, <c>cart</c>.
    /// </summary>
    public static IReadOnlyList<string> OfImage(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return [];
        }

        var name = image.Trim().Split('@')[0];
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count == 0)
        {
            return [];
        }

        // The tag follows the last segment's colon; a colon in the first segment of several is a registry port.
        var last = segments[^1];
        segments[^1] = last.Split(':')[0];
        var parts = new List<string>();
        if (segments.Count > 1 && IsRegistry(segments[0]))
        {
            parts.Add(segments[0].Split(':')[0]);
            segments.RemoveAt(0);
        }

        parts.AddRange(segments);
        return [.. parts.Where(static p => p.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The host of an address (<c>host</c>, <c>host:port</c> or a URL), without scheme, port or path.</summary>
    public static IReadOnlyList<string> OfHost(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return [];
        }

        var host = address.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        host = host.Split('/')[0];
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }

        host = host.StartsWith('[') ? host.Split(']')[0].TrimStart('[') : host.Split(':')[0];
        return host.Length == 0 ? [] : [host];
    }

    /// <summary>Docker's rule: a first segment with a dot or a port, or <c>localhost</c>, names a registry, not a path.</summary>
    private static bool IsRegistry(string segment) =>
        segment.Contains('.', StringComparison.Ordinal) || segment.Contains(':', StringComparison.Ordinal) || segment == "localhost";
}
