using System.Collections.Concurrent;
using System.Diagnostics;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>
/// Runs analyzers in parallel over one snapshot. Each analyzer is isolated: an exception becomes one error
/// entry and every other result is kept. Results come back in a stable order (kind, namespace, name).
/// </summary>
public sealed class AnalysisRunner(Masker masker, TimeProvider clock)
{
    public AnalysisRunner()
        : this(Masker.Default, TimeProvider.System)
    {
    }

    public async Task<AnalysisReport> RunAsync(
        ClusterSnapshot snapshot,
        AnalyzerSelection selection,
        AnalysisRequest request,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new ConcurrentQueue<string>(selection.Warnings);
        var notes = new ConcurrentQueue<string>();
        var findings = new ConcurrentBag<Finding>();
        var stats = new ConcurrentQueue<AnalyzerStat>();

        var runnable = new List<IAnalyzer>();
        foreach (var analyzer in selection.Analyzers)
        {
            if (WhyCannotRun(analyzer, snapshot) is { } reason)
            {
                (reason.IsNote ? notes : errors).Enqueue($"[{analyzer.Name}] skipped: {reason.Text}");
            }
            else
            {
                runnable.Add(analyzer);
            }
        }

        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = request.EffectiveConcurrency,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(runnable, options, (analyzer, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            var context = new AnalyzerContext(analyzer.Name, now);
            var started = Stopwatch.GetTimestamp();
            try
            {
                foreach (var finding in analyzer.Analyze(snapshot, context))
                {
                    findings.Add(finding);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors.Enqueue($"[{analyzer.Name}] {ex.Message}");
            }

            foreach (var error in context.Errors)
            {
                errors.Enqueue(error);
            }

            foreach (var note in context.Notes)
            {
                notes.Enqueue(note);
            }

            stats.Enqueue(new AnalyzerStat(analyzer.Name, Stopwatch.GetElapsedTime(started)));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        return new AnalysisReport
        {
            Errors = [.. errors],
            Notes = [.. notes.Order(StringComparer.Ordinal)],
            Results = findings
                .Select(f => MaskSensitive(f, snapshot.KnownNames))
                .OrderBy(static f => f.Kind, StringComparer.Ordinal)
                .ThenBy(static f => f.Namespace, StringComparer.Ordinal)
                .ThenBy(static f => f.ObjectName, StringComparer.Ordinal)
                .ToArray(),
            Stats = request.WithStats ? stats.OrderBy(static s => s.Analyzer, StringComparer.Ordinal).ToArray() : [],
        };
    }

    /// <summary>
    /// Gives every sensitive value its token. Analyzers list the names they put into a text, but texts also carry
    /// messages the cluster wrote (events, conditions), which may quote any object: names of the snapshot's objects
    /// found there are added, so they are masked too.
    /// </summary>
    private Finding MaskSensitive(Finding finding, IReadOnlySet<string> knownNames) => finding with
    {
        Failures = finding.Failures
            .Select(f => f with
            {
                Sensitive = f.Sensitive
                    .Select(static s => s.Unmasked)
                    .Concat(KnownNameScan.Find(f.Text, knownNames))
                    .Distinct(StringComparer.Ordinal)
                    .Select(value => new SensitiveValue(value, masker.Mask(value)))
                    .ToArray(),
            })
            .ToArray(),
    };

    private static (string Text, bool IsNote)? WhyCannotRun(IAnalyzer analyzer, ClusterSnapshot snapshot)
    {
        foreach (var read in analyzer.Reads.Where(static r => r.Role == ReadRole.Primary))
        {
            var status = snapshot.StatusOf(read.Type);
            switch (status.State)
            {
                case ReadState.Forbidden:
                    return ($"forbidden (needs list on {read.Type.Resource}){Detail(status)}", false);
                case ReadState.NotServed:
                    return ($"API not present ({read.Type.ApiVersion} {read.Type.Plural} is not served by this cluster)", true);
                case ReadState.Failed:
                    return ($"listing {read.Type.Resource} failed{Detail(status)}", false);
            }
        }

        return null;

        static string Detail(ResourceReadStatus status) => status.Detail.Length == 0 ? "" : $": {status.Detail}";
    }
}
