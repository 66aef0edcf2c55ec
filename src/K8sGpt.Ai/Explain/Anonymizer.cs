using System.Text.RegularExpressions;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;

namespace K8sGpt.Ai.Explain;

/// <summary>
/// Replaces every sensitive value of a report by its token before text leaves for an AI backend, and tokens by
/// the values in the answer. Values are matched literally (never as patterns) and only as whole names: the
/// characters around a match may not be letters, digits, <c>-</c> or <c>_</c>, so <c>web</c> is not rewritten
/// inside <c>web-api</c> or <c>myweb</c>. Longer values win over the shorter ones they contain.
/// </summary>
public sealed class Anonymizer
{
    private const string NameChar = "[A-Za-z0-9_-]";

    private readonly Dictionary<string, string> _tokens;
    private readonly Dictionary<string, string> _values;
    private readonly Regex? _valuePattern;
    private readonly Regex? _tokenPattern;

    private Anonymizer(Dictionary<string, string> tokens)
    {
        _tokens = tokens;
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, token) in tokens)
        {
            _values.TryAdd(token, value);
        }

        if (tokens.Count == 0)
        {
            return;
        }

        var values = string.Join("|", tokens.Keys.OrderByDescending(static v => v.Length).ThenBy(static v => v, StringComparer.Ordinal).Select(Regex.Escape));
        _valuePattern = new Regex($@"(?<!{NameChar})(?:{values})(?!{NameChar}|\.{NameChar})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        var tokenAlternatives = string.Join("|", _values.Keys.OrderByDescending(static t => t.Length).Select(Regex.Escape));
        _tokenPattern = new Regex($"(?:{tokenAlternatives})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    /// <summary>Every sensitive value of the findings, with the token the analysis gave it (or the default masker's).</summary>
    public static Anonymizer For(IEnumerable<Finding> findings, Masker? masker = null)
    {
        masker ??= Masker.Default;
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in findings.SelectMany(static f => f.Failures).SelectMany(static f => f.Sensitive))
        {
            if (value.Unmasked.Length > 0)
            {
                tokens.TryAdd(value.Unmasked, value.Masked.Length > 0 ? value.Masked : masker.Mask(value.Unmasked));
            }
        }

        return new Anonymizer(tokens);
    }

    public int Count => _tokens.Count;

    public string Mask(string text) => _valuePattern is null ? text : _valuePattern.Replace(text, m => _tokens[m.Value]);

    public string Unmask(string text) => _tokenPattern is null ? text : _tokenPattern.Replace(text, m => _values[m.Value]);
}
