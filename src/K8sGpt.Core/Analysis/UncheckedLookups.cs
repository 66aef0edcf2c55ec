namespace K8sGpt.Core.Analysis;

/// <summary>
/// Counts the checks an analyzer skipped because a lookup could not be made, by reason and by what was left
/// unchecked, and words them as notes: "services not in this snapshot: 2 backendRefs not checked".
/// </summary>
internal sealed class UncheckedLookups
{
    private readonly Lock _gate = new();

    // Insertion order is kept so a note lists what was skipped in the order the analyzer met it.
    private readonly List<(string Reason, List<(string What, string Plural, int Count)> Counts)> _byReason = [];

    public void Add(string whyUnknown, string what, string? whatPlural)
    {
        ArgumentException.ThrowIfNullOrEmpty(whyUnknown);
        lock (_gate)
        {
            var index = _byReason.FindIndex(e => string.Equals(e.Reason, whyUnknown, StringComparison.Ordinal));
            if (index < 0)
            {
                _byReason.Add((whyUnknown, []));
                index = _byReason.Count - 1;
            }

            var counts = _byReason[index].Counts;
            var entry = counts.FindIndex(c => string.Equals(c.What, what, StringComparison.Ordinal));
            if (entry < 0)
            {
                counts.Add((what, whatPlural ?? Plural(what), 1));
            }
            else
            {
                counts[entry] = counts[entry] with { Count = counts[entry].Count + 1 };
            }
        }
    }

    public IReadOnlyList<string> Notes()
    {
        lock (_gate)
        {
            return [.. _byReason.Select(static e => $"{e.Reason}: {string.Join(", ", e.Counts.Select(static c => c.Count == 1 ? $"1 {c.What}" : $"{c.Count} {c.Plural}"))} not checked")];
        }
    }

    private static string Plural(string noun) => noun switch
    {
        _ when noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) => noun + "es",
        [.., var before, 'y'] when !"aeiou".Contains(before, StringComparison.Ordinal) => noun[..^1] + "ies",
        _ => noun + "s",
    };
}
