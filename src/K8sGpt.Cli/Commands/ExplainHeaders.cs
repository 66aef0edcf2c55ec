using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Commands;

/// <summary>Parses repeated <c>--custom-headers Key:Value</c> flags; a repeated key collects its values.</summary>
public static class ExplainHeaders
{
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Parse(IReadOnlyList<string> values)
    {
        var headers = new List<(string Key, string Value)>();
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? value[..colon].Trim() : "";
            if (key.Length == 0 || key.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new UsageException($"invalid --custom-headers value '{value}': expected Key:Value");
            }

            headers.Add((key, value[(colon + 1)..].Trim()));
        }

        return headers
            .GroupBy(static h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(static g => new KeyValuePair<string, IReadOnlyList<string>>(g.First().Key, g.Select(static h => h.Value).ToArray()))
            .ToArray();
    }
}
