namespace K8sGpt.Core.Analyzers;

/// <summary>Validates an IANA time zone name as Kubernetes does for <c>spec.timeZone</c>.</summary>
internal static class CronTimeZone
{
    private static readonly Lazy<bool> s_databaseAvailable = new(static () => TimeZoneInfo.GetSystemTimeZones().Count > 1);

    /// <summary>Why the name is not a usable time zone, or null when it is (or when this machine cannot tell).</summary>
    public static string? Problem(string zone)
    {
        if (zone.Length == 0)
        {
            return "the time zone is empty";
        }

        if (string.Equals(zone, "Local", StringComparison.OrdinalIgnoreCase))
        {
            return "Local is not an explicit time zone; use an IANA name such as Europe/Paris";
        }

        // IANA names never contain spaces; .NET would otherwise accept Windows names ("Pacific Standard Time").
        if (zone.Any(char.IsWhiteSpace))
        {
            return $"unknown time zone {zone}";
        }

        // Without a time zone database on this machine every name but UTC looks unknown: judge nothing rather than
        // report valid zones.
        if (!s_databaseAvailable.Value)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? null : $"unknown time zone {zone}";
    }
}
