using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

/// <summary>Runs one analyzer over YAML and returns its findings and notes, failing the test on object errors.</summary>
internal static class NotChecked
{
    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notes) Run(IAnalyzer analyzer, string yaml, string ns = "")
    {
        var (findings, errors) = SnapshotFixtures.Run(analyzer, SnapshotFixtures.FromYaml(yaml, ns), out var notes);
        Assert.Empty(errors);
        return (findings, [.. notes.Order(StringComparer.Ordinal)]);
    }
}
