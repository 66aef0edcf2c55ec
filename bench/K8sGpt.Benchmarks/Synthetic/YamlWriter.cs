using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>Writes a JSON tree as block-style YAML, quoting strings that would otherwise read back as another type.</summary>
internal static partial class YamlWriter
{
    public static void Write(JsonNode root, TextWriter writer)
    {
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var style = text.Length == 0 || LooksTyped().IsMatch(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
                emitter.Emit(new Scalar(null, null, text, style, true, true));
                break;
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, node.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();
}
