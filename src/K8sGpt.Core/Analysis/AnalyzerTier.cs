namespace K8sGpt.Core.Analysis;

public enum AnalyzerTier
{
    /// <summary>Runs by default (the 14 core analyzers).</summary>
    Core,

    /// <summary>Runs only when named by a filter or in <c>active_filters</c>.</summary>
    Optional,

    /// <summary>Belongs to an integration; available once the integration is activated.</summary>
    Integration,
}
