using System.Text.RegularExpressions;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Finds error-level lines in a log tail. A line counts when it says so structurally (a level field such as
/// <c>level=error</c> or <c>"level":"error"</c>, a klog <c>E1203</c> prefix, a standalone upper-case
/// <c>ERROR</c>/<c>FATAL</c>/<c>CRITICAL</c> token) or is the head of a crash (<c>panic:</c>, a Python traceback,
/// an exception class name at line start). Words that merely contain "error" or "fail" (<c>0 errors</c>,
/// <c>failover</c>, <c>no failures</c>, <c>ErrorHandler</c>) do not count, and a line whose level field says
/// info or debug never counts.
/// </summary>
internal static partial class LogErrorLines
{
    private const int MaxLineLength = 500;

    public static IReadOnlyList<string> Find(string text) =>
        [.. text.Split('\n').Select(static l => l.TrimEnd('\r')).Where(IsError).Select(Shorten)];

    public static bool IsError(string line)
    {
        if (LevelField().Match(line) is { Success: true } level)
        {
            return level.Groups["level"].Value.ToUpperInvariant() is "ERROR" or "ERR" or "FATAL" or "CRITICAL" or "CRIT" or "PANIC" or "EMERG" or "ALERT";
        }

        return KlogError().IsMatch(line) || CrashHead().IsMatch(line) || UpperCaseLevelToken().IsMatch(line);
    }

    private static string Shorten(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";

    [GeneratedRegex("""(?:^|[\s{,])"?(?:level|lvl|severity|loglevel)"?\s*[=:]\s*"?(?<level>[A-Za-z]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LevelField();

    [GeneratedRegex(@"^[EF]\d{4} \d{2}:\d{2}:\d{2}")]
    private static partial Regex KlogError();

    [GeneratedRegex(@"^(?:panic: |fatal error: |Traceback \(most recent call last\):|Exception in thread |Unhandled exception\.|(?:[\w$]+\.)*[\w$]*(?:Exception|Error)(?::|$))")]
    private static partial Regex CrashHead();

    [GeneratedRegex(@"(?<![\w-])(?:ERROR|FATAL|CRITICAL)(?![\w-])")]
    private static partial Regex UpperCaseLevelToken();
}
