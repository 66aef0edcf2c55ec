using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Cli.Tests;

/// <summary>An analyzer that finds nothing, to build catalogs with optional and integration analyzers.</summary>
internal sealed class FakeAnalyzer(string name, AnalyzerTier tier) : IAnalyzer
{
    public string Name => name;

    public AnalyzerTier Tier => tier;

    public IReadOnlyList<ResourceRead> Reads => [];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context) => [];
}
