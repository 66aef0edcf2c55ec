namespace K8sGpt.Core.Findings;

/// <summary>How long one analyzer took, for <c>--with-stat</c>.</summary>
public sealed record AnalyzerStat(string Analyzer, TimeSpan Duration);
