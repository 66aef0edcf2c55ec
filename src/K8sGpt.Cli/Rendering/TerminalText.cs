using System.Globalization;
using System.Text;

namespace K8sGpt.Cli.Rendering;

/// <summary>
/// Makes text that came from a cluster, a snapshot, a config file or an AI backend safe to print on a terminal.
/// Such text can carry escape sequences (clear the screen, recolour, retitle the window), carriage returns and line
/// feeds (overwrite or forge result lines) and bidi overrides (show text in another order than it is stored).
/// Each of those is rendered visibly instead (<c>\u001b</c>, <c>\n</c>), so what is printed is what the value holds.
/// </summary>
public static class TerminalText
{
    /// <summary>One field printed within a line: every control character is rendered visibly, line breaks included.</summary>
    public static string Field(string? value) => Neutralise(value, keepLineBreaks: false);

    /// <summary>
    /// Text that may span lines (an AI explanation, a multi-line message): line feeds and tabs are kept (a CR LF pair
    /// becomes a line feed); every other control character, a lone CR included, is rendered visibly.
    /// </summary>
    public static string Lines(string? value) => Neutralise(value, keepLineBreaks: true);

    private static string Neutralise(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (!value.Any(IsUnsafe))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (keepLineBreaks && c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                continue;
            }

            if (!IsUnsafe(c) || (keepLineBreaks && c is '\n' or '\t'))
            {
                text.Append(c);
                continue;
            }

            text.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// C0 controls, DEL, C1 controls, Unicode line/paragraph separators, bidi marks, embeddings, overrides and
    /// isolates, and invisible format characters (zero-width space/joiners, BOM) that can hide or reorder text.
    /// </summary>
    private static bool IsUnsafe(char c) =>
        c < '\u0020'
        || c is >= '\u007f' and <= '\u009f'
        || c is '\u061c' or '\ufeff'
        || c is >= '\u200b' and <= '\u200f'
        || c is '\u2028' or '\u2029'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2060' and <= '\u2069';
}
