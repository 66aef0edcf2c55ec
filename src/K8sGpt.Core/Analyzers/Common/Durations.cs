namespace K8sGpt.Core.Analyzers;

/// <summary>Renders durations the way kubectl does (<c>3d4h</c>, <c>12m</c>, <c>40s</c>).</summary>
public static class Durations
{
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (span.TotalDays >= 1)
        {
            return span.Hours > 0 ? $"{(int)span.TotalDays}d{span.Hours}h" : $"{(int)span.TotalDays}d";
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes > 0 ? $"{(int)span.TotalHours}h{span.Minutes}m" : $"{(int)span.TotalHours}h";
        }

        return span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m" : $"{(int)span.TotalSeconds}s";
    }
}
