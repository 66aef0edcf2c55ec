using System.Text.RegularExpressions;
using Cronos;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Validates a CronJob schedule the way Kubernetes' cron parser does: five fields (minute, hour, day of month,
/// month, day of week), the descriptors <c>@yearly</c>/<c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>,
/// <c>@daily</c>/<c>@midnight</c>, <c>@hourly</c> and <c>@every &lt;duration&gt;</c>, optionally after a legacy
/// <c>TZ=</c>/<c>CRON_TZ=</c> prefix. Seconds fields and Quartz extensions (<c>L</c>, <c>W</c>, <c>#</c>) are
/// rejected even though Cronos would accept them.
/// </summary>
internal static partial class CronSchedule
{
    private static readonly HashSet<string> s_descriptors = new(StringComparer.Ordinal)
    {
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
    };

    /// <summary>Why the schedule is invalid, or null when it is valid.</summary>
    public static string? Problem(string? schedule)
    {
        var text = (schedule ?? "").Trim();
        if (text.Length == 0)
        {
            return "the schedule is empty";
        }

        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOfAny([' ', '\t']);
            if (space < 0)
            {
                return $"the time zone prefix is not followed by a schedule: {text}";
            }

            var zone = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (CronTimeZone.Problem(zone) is { } zoneProblem)
            {
                return zoneProblem;
            }

            text = text[space..].Trim();
        }

        if (text.StartsWith('@'))
        {
            return Descriptor(text);
        }

        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"expected exactly 5 fields, found {fields.Length}: {text}";
        }

        if (fields[2].AsSpan().IndexOfAny('L', 'W') >= 0 || fields[2].AsSpan().IndexOfAny('l', 'w') >= 0)
        {
            return $"day of month does not support L or W: {fields[2]}";
        }

        if (fields[4].Contains('#', StringComparison.Ordinal) || fields[4].Contains('L', StringComparison.OrdinalIgnoreCase))
        {
            return $"day of week does not support L or #: {fields[4]}";
        }

        try
        {
            CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard);
            return null;
        }
        catch (CronFormatException ex)
        {
            // An invalid schedule is the expected outcome being checked for; the parser's reason is the answer.
            return ex.Message;
        }
    }

    private static string? Descriptor(string text)
    {
        if (s_descriptors.Contains(text))
        {
            return null;
        }

        if (text.StartsWith("@every ", StringComparison.Ordinal))
        {
            var duration = text["@every ".Length..].Trim();
            return GoDuration().IsMatch(duration) ? null : $"failed to parse duration {duration}";
        }

        return $"unrecognized descriptor: {text}";
    }

    /// <summary>A Go <c>time.ParseDuration</c> value such as <c>90s</c>, <c>1h30m</c> or <c>1.5h</c>.</summary>
    [GeneratedRegex(@"^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();
}
