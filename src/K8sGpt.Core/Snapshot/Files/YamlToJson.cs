using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// Converts YAML documents to JSON nodes with the scalar typing Kubernetes tools use (plain <c>true</c>, numbers
/// and <c>null</c> are typed; quoted scalars stay strings), so typed models deserialize the same from YAML or JSON.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>Every document of a YAML text, with its 1-based index and starting line.</summary>
    public static IEnumerable<(int Index, long Line, JsonNode? Node)> ReadDocuments(TextReader reader)
    {
        var parser = new Parser(reader);
        var index = 0;
        while (true)
        {
            (long Line, JsonNode? Node)? document;
            try
            {
                document = ReadNextDocument(parser, index + 1);
            }
            catch (YamlException ex)
            {
                throw new DocumentException(index + 1, ex);
            }
            catch (InvalidOperationException ex)
            {
                // The parser met an event the document structure does not allow (YamlDotNet reports that this way).
                var mark = parser.Current?.Start ?? Mark.Empty;
                throw new DocumentException(index + 1, new YamlException(mark, mark, ex.Message, ex));
            }

            if (document is not { } doc)
            {
                yield break;
            }

            index++;
            yield return (index, doc.Line, doc.Node);
        }
    }

    private static (long Line, JsonNode? Node)? ReadNextDocument(IParser parser, int index)
    {
        if (index == 1)
        {
            parser.Consume<StreamStart>();
        }

        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        var start = parser.Consume<DocumentStart>();
        var node = ReadNode(parser, new Dictionary<string, JsonNode?>(StringComparer.Ordinal));
        parser.Consume<DocumentEnd>();
        return (start.Start.Line, node);
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var value = ConvertScalar(scalar);
            Remember(anchors, scalar.Anchor, value);
            return value;
        }

        if (parser.TryConsume<MappingStart>(out var mapping))
        {
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, anchors)?.ToString() ?? "";
                var value = ReadNode(parser, anchors);
                if (key == "<<" && value is JsonObject merge)
                {
                    foreach (var (k, v) in merge)
                    {
                        obj.TryAdd(k, v?.DeepClone());
                    }

                    continue;
                }

                obj[key] = value;
            }

            Remember(anchors, mapping.Anchor, obj);
            return obj;
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }

            Remember(anchors, sequence.Anchor, array);
            return array;
        }

        var alias = parser.Consume<AnchorAlias>();
        return anchors.TryGetValue(alias.Value.Value, out var target)
            ? target?.DeepClone()
            : throw new YamlException(alias.Start, alias.End, $"unknown alias *{alias.Value.Value}");
    }

    private static void Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    /// <summary>A YAML error inside a known document.</summary>
    internal sealed class DocumentException(int documentIndex, YamlException inner)
        : Exception(inner.Message, inner)
    {
        public int DocumentIndex { get; } = documentIndex;

        public Mark Start { get; } = inner.Start;
    }
}
