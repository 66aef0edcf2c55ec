namespace K8sGpt.Core.Selection;

/// <summary>Hand-written tokenizer for label selector strings (no library implements the syntax for .NET).</summary>
internal static class SelectorParser
{
    public static IReadOnlyList<SelectorRequirement> Parse(string text)
    {
        var result = new List<SelectorRequirement>();
        var position = 0;
        while (true)
        {
            SkipSpaces(text, ref position);
            result.Add(ParseRequirement(text, ref position));
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                return result;
            }

            if (text[position] != ',')
            {
                throw Error(text, position, "expected ',' between selector terms");
            }

            position++;
        }
    }

    private static SelectorRequirement ParseRequirement(string text, ref int position)
    {
        if (position < text.Length && text[position] == '!')
        {
            position++;
            SkipSpaces(text, ref position);
            return new SelectorRequirement(ReadKey(text, ref position), SelectorOperator.DoesNotExist, []);
        }

        var key = ReadKey(text, ref position);
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] == ',')
        {
            return new SelectorRequirement(key, SelectorOperator.Exists, []);
        }

        if (Consume(text, ref position, "!="))
        {
            return new SelectorRequirement(key, SelectorOperator.NotEquals, [ReadValue(text, ref position)]);
        }

        if (Consume(text, ref position, "==") || Consume(text, ref position, "="))
        {
            return new SelectorRequirement(key, SelectorOperator.Equals, [ReadValue(text, ref position)]);
        }

        if (ConsumeWord(text, ref position, "notin"))
        {
            return new SelectorRequirement(key, SelectorOperator.NotIn, ReadSet(text, ref position));
        }

        if (ConsumeWord(text, ref position, "in"))
        {
            return new SelectorRequirement(key, SelectorOperator.In, ReadSet(text, ref position));
        }

        throw Error(text, position, $"expected an operator (=, ==, !=, in, notin) after \"{key}\"");
    }

    private static string ReadKey(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && IsKeyChar(text[position]))
        {
            position++;
        }

        return position == start ? throw Error(text, start, "expected a label key") : text[start..position];
    }

    private static string ReadValue(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && IsValueChar(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static List<string> ReadSet(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != '(')
        {
            throw Error(text, position, "expected '(' to open a value set");
        }

        position++;
        var values = new List<string>();
        while (true)
        {
            values.Add(ReadValue(text, ref position));
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                throw Error(text, position, "expected ')' to close the value set");
            }

            var c = text[position++];
            if (c == ')')
            {
                return values;
            }

            if (c != ',')
            {
                throw Error(text, position - 1, "expected ',' or ')' in the value set");
            }
        }
    }

    private static bool Consume(string text, ref int position, string token)
    {
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private static bool ConsumeWord(string text, ref int position, string word)
    {
        var end = position + word.Length;
        if (end > text.Length || string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
        {
            return false;
        }

        if (end < text.Length && IsKeyChar(text[end]))
        {
            return false;
        }

        position = end;
        return true;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/';

    private static bool IsValueChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static LabelSelectorParseException Error(string text, int position, string what) =>
        new($"invalid label selector \"{text}\": {what} at position {position + 1}");
}
