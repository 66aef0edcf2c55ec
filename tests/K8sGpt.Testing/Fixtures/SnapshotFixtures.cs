using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Selection;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Testing.Fixtures;

/// <summary>Builds snapshots from YAML text and runs analyzers over them, the way the product does.</summary>
public static class SnapshotFixtures
{
    /// <summary>A fixed "now" for fixtures, so age-based checks are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Reads YAML (one or more documents, Lists allowed) into a snapshot.</summary>
    public static ClusterSnapshot FromYaml(string yaml, string ns = "", string selector = "") =>
        SnapshotReader.ReadText(yaml, new ScanScope(ns, LabelSelector.Parse(selector)), "fixture.yaml");

    /// <summary>Reads a YAML file from the test's output folder (fixtures copied as content).</summary>
    public static ClusterSnapshot FromFile(string relativePath, string ns = "", string selector = "") =>
        FromYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)), ns, selector);

    /// <summary>Runs one analyzer in isolation and returns its findings; object errors are returned too.</summary>
    public static (IReadOnlyList<Finding> Findings, IReadOnlyCollection<string> Errors) Run(IAnalyzer analyzer, ClusterSnapshot snapshot, DateTimeOffset? now = null)
    {
        var context = new AnalyzerContext(analyzer.Name, now ?? Now);
        var findings = analyzer.Analyze(snapshot, context).ToArray();
        return (findings, context.Errors);
    }

    /// <summary>Runs one analyzer in isolation and also returns the notes it reported.</summary>
    public static (IReadOnlyList<Finding> Findings, IReadOnlyCollection<string> Errors) Run(IAnalyzer analyzer, ClusterSnapshot snapshot, out IReadOnlyCollection<string> notes)
    {
        var context = new AnalyzerContext(analyzer.Name, Now);
        var findings = analyzer.Analyze(snapshot, context).ToArray();
        notes = context.Notes;
        return (findings, context.Errors);
    }

    /// <summary>Runs one analyzer over YAML and returns its findings, failing the test on object errors.</summary>
    public static IReadOnlyList<Finding> Analyze(IAnalyzer analyzer, string yaml, DateTimeOffset? now = null)
    {
        var (findings, errors) = Run(analyzer, FromYaml(yaml), now);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("analyzer reported object errors: " + string.Join("; ", errors));
        }

        return findings;
    }

    /// <summary>Runs analyzers the way a door does (runner: parallel, isolated, masked, sorted).</summary>
    public static Task<AnalysisReport> RunPipelineAsync(ClusterSnapshot snapshot, params string[] filters)
    {
        var selection = AnalyzerCatalog.Default.Select(filters, []);
        return new AnalysisRunner().RunAsync(snapshot, selection, new AnalysisRequest(), CancellationToken.None);
    }
}
