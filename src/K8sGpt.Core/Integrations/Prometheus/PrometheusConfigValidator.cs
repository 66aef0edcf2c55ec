using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Core.Integrations.Prometheus;

/// <summary>
/// A structural check of a Prometheus configuration (there is no .NET Prometheus library): YAML syntax, known
/// top-level sections, durations in <c>global</c>, <c>scrape_configs</c> with unique non-empty <c>job_name</c>s,
/// relabeling rules with a valid action, the fields that action needs, and a regex that compiles.
/// </summary>
internal static partial class PrometheusConfigValidator
{
    private static readonly string[] s_topLevel =
    [
        "global", "scrape_configs", "scrape_config_files", "rule_files", "alerting", "remote_write", "remote_read",
        "storage", "tracing", "otlp", "runtime",
    ];

    private static readonly string[] s_actions =
    [
        "replace", "keep", "drop", "keepequal", "dropequal", "hashmod", "labelmap", "labeldrop", "labelkeep", "lowercase", "uppercase",
    ];

    /// <summary>The parsed configuration (null when it is not a YAML mapping) and its errors.</summary>
    public static (JsonObject? Config, IReadOnlyList<string> Errors) Validate(string text)
    {
        JsonNode? root;
        try
        {
            using var reader = new StringReader(text);
            root = YamlToJson.ReadDocuments(reader).Select(static d => d.Node).FirstOrDefault();
        }
        catch (YamlToJson.DocumentException ex)
        {
            return (null, [$"invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message}"]);
        }

        if (root is null)
        {
            return (new JsonObject(), ["the configuration is empty"]);
        }

        if (root is not JsonObject config)
        {
            return (null, ["the configuration is not a YAML mapping"]);
        }

        var errors = new List<string>();
        errors.AddRange(config.Select(static p => p.Key).Where(k => !s_topLevel.Contains(k, StringComparer.Ordinal)).Select(static k => $"unknown top-level field \"{k}\""));
        foreach (var field in new[] { "scrape_interval", "scrape_timeout", "evaluation_interval" })
        {
            if (JsonFields.Str(config["global"], field) is { } value && !DurationPattern().IsMatch(value))
            {
                errors.Add($"global.{field}: \"{value}\" is not a valid duration");
            }
        }

        var jobs = new HashSet<string>(StringComparer.Ordinal);

        // Indices are 0-based, the way YAML and JSON paths number list entries (relabel_configs[0] is the first rule).
        var scrapes = config["scrape_configs"] as JsonArray ?? [];
        for (var index = 0; index < scrapes.Count; index++)
        {
            if (scrapes[index] is not JsonObject job)
            {
                errors.Add($"scrape_configs[{index}] is not a mapping");
                continue;
            }

            var name = JsonFields.Str(job, "job_name");
            if (string.IsNullOrEmpty(name))
            {
                errors.Add($"scrape_configs[{index}] has no job_name");
            }
            else if (!jobs.Add(name))
            {
                errors.Add($"found multiple scrape configs with job name \"{name}\"");
            }

            var label = string.IsNullOrEmpty(name) ? $"scrape_configs[{index}]" : $"job \"{name}\"";
            errors.AddRange(Relabeling(job["relabel_configs"], $"{label} relabel_configs"));
            errors.AddRange(Relabeling(job["metric_relabel_configs"], $"{label} metric_relabel_configs"));
        }

        return (config, errors);
    }

    /// <summary>The job names of the configuration's scrape configs: errors quote them, and they often name workloads.</summary>
    public static IEnumerable<string> JobNames(JsonObject? config) =>
        (config?["scrape_configs"] as JsonArray ?? []).OfType<JsonObject>().Select(static j => JsonFields.Str(j, "job_name") ?? "").Where(static n => n.Length > 0);

    /// <summary>Whether the configuration scrapes anything (inline jobs or included scrape config files).</summary>
    public static bool HasScrapeConfigs(JsonObject config) =>
        config["scrape_configs"] is JsonArray { Count: > 0 } || config["scrape_config_files"] is JsonArray { Count: > 0 };

    private static IEnumerable<string> Relabeling(JsonNode? rules, string where)
    {
        var list = rules as JsonArray ?? [];
        for (var index = 0; index < list.Count; index++)
        {
            var at = $"{where}[{index}]";
            if (list[index] is not JsonObject rule)
            {
                yield return $"{at} is not a mapping";
                continue;
            }

            var action = (JsonFields.Str(rule, "action") ?? "replace").ToLowerInvariant();
            if (!s_actions.Contains(action, StringComparer.Ordinal))
            {
                yield return $"{at}: unknown relabel action \"{JsonFields.Str(rule, "action")}\"";
                continue;
            }

            if (action is "replace" or "hashmod" or "lowercase" or "uppercase" or "keepequal" or "dropequal"
                && string.IsNullOrEmpty(JsonFields.Str(rule, "target_label")))
            {
                yield return $"{at}: relabel configuration for {action} action requires 'target_label' value";
            }

            if (action == "hashmod" && (rule["modulus"] is not JsonValue modulus || modulus.GetValueKind() != JsonValueKind.Number || modulus.GetValue<double>() <= 0))
            {
                yield return $"{at}: relabel configuration for hashmod requires non-zero modulus";
            }

            if (JsonFields.Str(rule, "regex") is { } regex && CompileError(regex) is { } error)
            {
                yield return $"{at}: regex \"{regex}\" does not compile: {error}";
            }
        }
    }

    /// <summary>
    /// Why the pattern does not compile, in plain words with the position in the pattern as written, or null.
    /// Prometheus anchors it (<c>^(?:regex)$</c>), but anchoring cannot make a valid pattern invalid, and compiling
    /// the pattern alone keeps the position the user's own.
    /// </summary>
    private static string? CompileError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (RegexParseException ex)
        {
            var reason = PascalWords().Replace(ex.Error.ToString(), " $1").ToLowerInvariant();
            return $"{reason} at position {Math.Clamp(ex.Offset, 0, pattern.Length)}";
        }
    }

    /// <summary>The start of every word but the first in a PascalCase name (<c>InsufficientClosingParentheses</c>).</summary>
    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex PascalWords();

    /// <summary>Prometheus durations: units y, w, d, h, m, s, ms in that order (<c>1m30s</c>), or <c>0</c>.</summary>
    [GeneratedRegex(@"^(0|(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?)$")]
    private static partial Regex DurationPattern();
}
