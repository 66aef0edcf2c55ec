namespace K8sGpt.Core.Analysis;

/// <summary>The analyzers chosen for a run and the warnings produced while choosing them.</summary>
public sealed record AnalyzerSelection(IReadOnlyList<IAnalyzer> Analyzers, IReadOnlyList<string> Warnings);
