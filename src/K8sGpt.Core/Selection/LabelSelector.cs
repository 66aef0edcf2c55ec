using k8s.Models;

namespace K8sGpt.Core.Selection;

/// <summary>
/// A Kubernetes label selector with full syntax: <c>=</c>, <c>==</c>, <c>!=</c>, <c>in</c>, <c>notin</c>,
/// <c>key</c> and <c>!key</c>, terms joined by commas (all must hold).
/// </summary>
public sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([], matchesNothing: false);

    /// <summary>Selects no object at all (a nil selector on a Service or PodDisruptionBudget).</summary>
    public static readonly LabelSelector Nothing = new([], matchesNothing: true);

    private readonly bool _matchesNothing;

    private LabelSelector(IReadOnlyList<SelectorRequirement> requirements, bool matchesNothing)
    {
        Requirements = requirements;
        _matchesNothing = matchesNothing;
    }

    public IReadOnlyList<SelectorRequirement> Requirements { get; }

    public bool IsEverything => !_matchesNothing && Requirements.Count == 0;

    public bool Matches(IDictionary<string, string>? labels) =>
        !_matchesNothing && Requirements.All(r => r.Matches(labels));

    /// <summary>The selector in the syntax the API server takes.</summary>
    public override string ToString() => string.Join(',', Requirements);

    /// <summary>Parses selector syntax; an empty string selects everything.</summary>
    /// <exception cref="LabelSelectorParseException">The text is not a valid selector; the message says where.</exception>
    public static LabelSelector Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Everything : new LabelSelector(SelectorParser.Parse(text), matchesNothing: false);

    /// <summary>A selector from a plain label map (Service and ReplicationController selectors).</summary>
    public static LabelSelector FromMatchLabels(IDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0
            ? Nothing
            : new LabelSelector(
                labels.Select(static kv => new SelectorRequirement(kv.Key, SelectorOperator.Equals, [kv.Value])).ToArray(),
                matchesNothing: false);

    /// <summary>
    /// A selector from an API <see cref="V1LabelSelector"/>: null selects nothing, an empty one selects everything.
    /// </summary>
    public static LabelSelector FromApi(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }

        var requirements = new List<SelectorRequirement>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add(new SelectorRequirement(key, SelectorOperator.Equals, [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var values = (IReadOnlyList<string>?)expression.Values?.ToArray() ?? [];
            var op = expression.OperatorProperty switch
            {
                "In" => SelectorOperator.In,
                "NotIn" => SelectorOperator.NotIn,
                "Exists" => SelectorOperator.Exists,
                "DoesNotExist" => SelectorOperator.DoesNotExist,
                _ => throw new LabelSelectorParseException($"unknown match expression operator \"{expression.OperatorProperty}\" for key \"{expression.Key}\""),
            };
            requirements.Add(new SelectorRequirement(expression.Key, op, values));
        }

        return new LabelSelector(requirements, matchesNothing: false);
    }
}
