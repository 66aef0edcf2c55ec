using System.Collections.Concurrent;

namespace K8sGpt.Core.Analysis;

/// <summary>Per-analyzer, per-run context: the clock and a sink for errors that must not stop the analyzer.</summary>
public sealed class AnalyzerContext(string analyzerName, DateTimeOffset now)
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly UncheckedLookups _unchecked = new();

    public string AnalyzerName { get; } = analyzerName;

    /// <summary>The time the run started; analyzers judge ages against it so results are reproducible.</summary>
    public DateTimeOffset Now { get; } = now;

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>
    /// Things the analyzer could not check that are not errors (a config kept in a Secret whose data is not read),
    /// then one note per reason a lookup could not be made, with what it left unchecked.
    /// </summary>
    public IReadOnlyCollection<string> Notes => [.. _notes, .. _unchecked.Notes().Select(n => $"[{AnalyzerName}] {n}")];

    /// <summary>Records an error about one object; the analyzer carries on with the others.</summary>
    public void ReportError(string objectName, Exception exception) =>
        _errors.Enqueue($"[{AnalyzerName}] {objectName}: {exception.GetType().Name}: {exception.Message}");

    /// <summary>Records an error about one object, in words (for failures that are not exceptions, such as a denied cloud call).</summary>
    public void ReportError(string objectName, string text) =>
        _errors.Enqueue($"[{AnalyzerName}] {objectName}: {text}");

    /// <summary>Records an error about the analyzer's whole run, not one object (a cloud API it could not ask).</summary>
    public void ReportError(string text) =>
        _errors.Enqueue($"[{AnalyzerName}] {text}");

    /// <summary>Records a note about the analyzer's whole run, not one object (why it could not look at all).</summary>
    public void ReportNote(string text) =>
        _notes.Enqueue($"[{AnalyzerName}] {text}");

    /// <summary>Records a note about one object: shown with the run's notes, never counted as a problem or an error.</summary>
    public void ReportNote(string objectName, string text) =>
        _notes.Enqueue($"[{AnalyzerName}] {objectName}: {text}");

    /// <summary>
    /// Records that one check was skipped because a lookup answered Unknown, so an empty result is not read as
    /// "all clear". Counted per reason: a run gets one note per missing type, not one per object.
    /// </summary>
    /// <param name="whyUnknown">The lookup's reason (<see cref="Snapshot.Lookup{T}.Reason"/> or <see cref="Snapshot.ClusterSnapshot.WhyUnknown"/>); it names the type.</param>
    /// <param name="what">What was left unchecked, singular (<c>parentRef</c>, <c>scaleTargetRef</c>).</param>
    /// <param name="whatPlural">Its plural when adding "s" would be wrong (<c>StatefulSets' pods</c>).</param>
    public void ReportNotChecked(string whyUnknown, string what, string? whatPlural = null) => _unchecked.Add(whyUnknown, what, whatPlural);
}
