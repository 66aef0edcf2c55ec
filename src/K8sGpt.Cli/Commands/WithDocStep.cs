using K8sGpt.Cli.Infrastructure;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Docs;
using K8sGpt.Core.Findings;
using K8sGpt.Kubernetes.Live;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>analyze --with-doc</c>: a source that also reads field documentation (live: the OpenAPI document; snapshot:
/// what <c>dump</c> saved), and the step that fills <see cref="Failure.KubernetesDoc"/> after the run.
/// </summary>
public sealed class WithDocStep
{
    public const string NotInSnapshot = "field documentation is not in this snapshot (take it with a newer k8sgpt dump)";

    private readonly LiveClusterSource? _live;
    private readonly string? _snapshotPath;

    private WithDocStep(IClusterSource source, LiveClusterSource? live, string? snapshotPath)
    {
        Source = source;
        _live = live;
        _snapshotPath = snapshotPath;
    }

    /// <summary>The source the pipeline reads from.</summary>
    public IClusterSource Source { get; }

    public static WithDocStep Create(CommandContext context, string? snapshotPath)
    {
        if (!string.IsNullOrWhiteSpace(snapshotPath))
        {
            return new WithDocStep(ClusterSources.Create(context, snapshotPath), null, snapshotPath);
        }

        var live = LiveSource(context);
        return new WithDocStep(live, live, null);
    }

    /// <summary>The live source that also fetches the OpenAPI document (<c>analyze --with-doc</c>, <c>dump</c>).</summary>
    public static LiveClusterSource LiveSource(CommandContext context) =>
        new(new LiveClusterOptions
        {
            KubeConfigPath = context.KubeConfig,
            Context = context.KubeContext,
            Environment = context.Io.Environment,
            ReadOpenApi = true,
        });

    /// <summary>Fills the documentation, or says in errors (live) or notes (snapshot) why there is none.</summary>
    public async Task<AnalysisReport> ApplyAsync(AnalysisReport report, CancellationToken cancellationToken)
    {
        if (_live is not null)
        {
            return _live.FieldDocs is { } fetched
                ? FieldDocEnricher.Apply(report, fetched)
                : report with { Errors = [.. report.Errors, $"[KubernetesDoc] {_live.FieldDocsError}"] };
        }

        var saved = await SnapshotFieldDocs.ReadAsync(_snapshotPath!, cancellationToken).ConfigureAwait(false);
        return saved is null
            ? report with { Notes = [.. report.Notes, NotInSnapshot] }
            : FieldDocEnricher.Apply(report, saved);
    }
}
