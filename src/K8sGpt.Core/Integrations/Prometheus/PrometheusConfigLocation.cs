namespace K8sGpt.Core.Integrations.Prometheus;

/// <summary>Where a Prometheus pod's configuration was found, or why it could not be read.</summary>
/// <param name="Source">Identity of the config (<c>configmap/ns/name/key</c>), used to check each config once.</param>
/// <param name="Text">The configuration text, when it was read.</param>
/// <param name="Problem">A fault of this pod's configuration wiring (reported as a failure).</param>
/// <param name="Note">Why the configuration could not be checked although nothing is known to be wrong.</param>
internal sealed record PrometheusConfigLocation(string Source, string? Text, string? Problem, string? Note)
{
    public static PrometheusConfigLocation Read(string source, string text) => new(source, text, null, null);

    public static PrometheusConfigLocation Faulty(string source, string problem) => new(source, null, problem, null);

    public static PrometheusConfigLocation Unchecked(string source, string note) => new(source, null, null, note);
}
