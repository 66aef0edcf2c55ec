using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Prometheus;

/// <summary>
/// Reads the configuration of each Prometheus pod from the cluster (ConfigMap or Secret volume) and validates it:
/// YAML and structure errors, and a configuration that scrapes nothing. Each configuration is checked once (on the
/// first pod that uses it); a pod whose configuration cannot be located is reported or noted on its own, never
/// stopping the others.
/// </summary>
public sealed class PrometheusConfigValidateAnalyzer : IAnalyzer
{
    public string Name => "PrometheusConfigValidate";

    public AnalyzerTier Tier => AnalyzerTier.Integration;

    public IReadOnlyList<ResourceRead> Reads =>
    [
        ResourceRead.Primary(KnownResources.Pods),
        ResourceRead.Lookup(KnownResources.ConfigMaps),
        ResourceRead.Lookup(KnownResources.Secrets),
        .. ObjectAnalyzer<V1Pod>.OwnerKinds.Select(ResourceRead.Lookup),
    ];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in PrometheusPods.Find(snapshot))
        {
            var ns = pod.Namespace() ?? "";
            var name = pod.Name() ?? "";
            try
            {
                var location = PrometheusPods.Locate(pod, snapshot);
                if (!seen.Add(location.Source))
                {
                    continue;
                }

                if (location.Note is { } note)
                {
                    context.ReportNote($"{ns}/{name}", note);
                    continue;
                }

                var failures = Failures(location, [ns, name, .. PrometheusPods.QuotedNames(pod)]);
                if (failures.Count > 0)
                {
                    findings.Add(new Finding
                    {
                        Kind = Name,
                        Namespace = ns,
                        ObjectName = name,
                        Uid = pod.Uid() ?? "",
                        Failures = failures,
                        ParentObject = snapshot.ResolveParent(pod),
                    });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportError($"{ns}/{name}", ex);
            }
        }

        return findings;
    }

    /// <param name="identities">The pod's own names, which problems locating the configuration quote.</param>
    private static List<Failure> Failures(PrometheusConfigLocation location, string[] identities)
    {
        if (location.Problem is { } problem)
        {
            return [Failure.Of("PrometheusConfigUnreadable", $"error reading Prometheus configuration: {problem}", "spec.volumes", identities)];
        }

        var (config, errors) = PrometheusConfigValidator.Validate(location.Text ?? "");
        string[] quoted = [.. identities, .. PrometheusConfigValidator.JobNames(config)];
        var failures = errors.Select(e => Failure.Of("PrometheusConfigInvalid", $"error validating Prometheus YAML configuration: {e}", "", quoted)).ToList();
        if (config is not null && !PrometheusConfigValidator.HasScrapeConfigs(config))
        {
            failures.Add(Failure.Of("PrometheusNoScrapeConfigs", "no scrape configurations. Prometheus will not scrape any metrics.", "", identities));
        }

        return failures;
    }
}
