namespace K8sGpt.Ai.Explain;

/// <summary>
/// The prompts sent to AI backends: a default one and kind-specific ones. Each has two slots, filled with the
/// answer language and the (masked) problem text. <see cref="Version"/> is part of every cache key, so changing a
/// template means bumping it.
/// </summary>
public static class PromptTemplates
{
    public const string Version = "1";

    public const string DefaultKey = "default";

    private const string Default =
        """
        You help people repair Kubernetes clusters. Below, between triple dashes, is a problem report. In {0}, say in plain words what is wrong, then give the most likely fix as short numbered steps. Keep the whole answer under about 280 characters and use exactly this shape:
        Error: <what is wrong>
        Solution: <numbered steps>
        ---
        {1}
        ---
        """;

    private const string PolicyViolation =
        """
        A Kyverno policy check reported the problem below, between triple dashes. In {0}, explain simply what the policy objects to, then give the fix as one kubectl command. Use exactly this shape:
        Error: <what is wrong>
        Solution: <one kubectl command>
        ---
        {1}
        ---
        """;

    private const string PrometheusConfig =
        """
        Validating a Prometheus configuration file produced the error below, between triple dashes. In {0}, explain what is wrong in plain words and give the fix as short numbered steps, pointing to the relevant Prometheus documentation. Keep it under about 300 characters, in this shape:
        Error: <what is wrong>
        Solution: <numbered steps>
        ---
        {1}
        ---
        """;

    private const string PrometheusRelabel =
        """
        Below, between triple dashes, are Prometheus scrape jobs, each with its relabeling rules and its Kubernetes service-discovery settings. In {0}, for every job, list which services, pods, namespaces, ports and containers it would scrape, as a bulleted list per job name. Start with one sentence saying how many scrape jobs were found.
        ---
        {1}
        ---
        """;

    private static readonly Dictionary<string, string> s_byKind = new(StringComparer.Ordinal)
    {
        ["PolicyReport"] = PolicyViolation,
        ["ClusterPolicyReport"] = PolicyViolation,
        ["PrometheusConfigValidate"] = PrometheusConfig,
        ["PrometheusConfigRelabelReport"] = PrometheusRelabel,
    };

    /// <summary>The template key used for a result kind: the kind when it has its own template, else <c>default</c>.</summary>
    public static string KeyFor(string kind) => s_byKind.ContainsKey(kind) ? kind : DefaultKey;

    /// <summary>The prompt for one problem text of a result kind, in a language.</summary>
    public static string Render(string kind, string language, string problemText)
    {
        var template = s_byKind.GetValueOrDefault(kind, Default).ReplaceLineEndings("\n");
        return template.Replace("{0}", language, StringComparison.Ordinal).Replace("{1}", problemText, StringComparison.Ordinal);
    }
}
