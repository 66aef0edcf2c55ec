namespace K8sGpt.Core.Selection;

/// <summary>One term of a label selector, such as <c>tier in (web,api)</c>.</summary>
public sealed record SelectorRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IDictionary<string, string>? labels)
    {
        string? value = null;
        var has = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            SelectorOperator.Equals or SelectorOperator.In => has && Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.NotEquals or SelectorOperator.NotIn => !has || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => has,
            SelectorOperator.DoesNotExist => !has,
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        SelectorOperator.Equals => $"{Key}={Values[0]}",
        SelectorOperator.NotEquals => $"{Key}!={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(',', Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        SelectorOperator.Exists => Key,
        SelectorOperator.DoesNotExist => $"!{Key}",
        _ => Key,
    };
}
