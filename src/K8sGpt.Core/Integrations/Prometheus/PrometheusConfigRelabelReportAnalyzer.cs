using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Prometheus;

/// <summary>
/// Informational, not a fault detector: for each Prometheus configuration, the jobs that discover Kubernetes targets
/// (<c>kubernetes_sd_configs</c>) with their relabeling rules, as context for the AI to describe what is scraped.
/// It never runs by default and <c>integration activate prometheus</c> does not add it: it runs only when named
/// (<c>--filter PrometheusConfigRelabelReport</c>), and its results are <see cref="Finding.Informational"/>: listed, never
/// counted as problems.
/// </summary>
public sealed class PrometheusConfigRelabelReportAnalyzer : IAnalyzer
{
    /// <summary>Most jobs described per configuration.</summary>
    public const int MaxJobs = 6;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public string Name => "PrometheusConfigRelabelReport";

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
            var location = PrometheusPods.Locate(pod, snapshot);
            if (!seen.Add(location.Source) || location.Text is null || PrometheusConfigValidator.Validate(location.Text).Config is not { } config)
            {
                continue;
            }

            var reports = (config["scrape_configs"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(static j => j["kubernetes_sd_configs"] is JsonArray { Count: > 0 } && j["relabel_configs"] is JsonArray { Count: > 0 })
                .Take(MaxJobs)
                .Select(j => Failure.Of(
                    "PrometheusRelabelReport",
                    $"job_name:\n{JsonFields.Str(j, "job_name")}\nrelabel_configs:\n{j["relabel_configs"]!.ToJsonString(s_json)}\nkubernetes_sd_configs:\n{j["kubernetes_sd_configs"]!.ToJsonString(s_json)}\n",
                    "",
                    [pod.Namespace(), pod.Name(), JsonFields.Str(j, "job_name"), .. DiscoveryIdentities(j)]))
                .ToArray();
            if (reports.Length > 0)
            {
                findings.Add(new Finding
                {
                    Kind = Name,
                    Namespace = pod.Namespace() ?? "",
                    ObjectName = pod.Name() ?? "",
                    Uid = pod.Uid() ?? "",
                    Failures = reports,
                    ParentObject = snapshot.ResolveParent(pod),
                    Informational = true,
                });
            }
        }

        return findings;
    }

    /// <summary>What the quoted discovery settings name: the namespaces watched and the API servers' hosts.</summary>
    private static IEnumerable<string> DiscoveryIdentities(JsonObject job) =>
        JsonFields.Objects(job["kubernetes_sd_configs"]).SelectMany(static sd =>
            JsonFields.Strings(JsonFields.Obj(sd, "namespaces"), "names").Concat(IdentifyingParts.OfHost(JsonFields.Str(sd, "api_server"))));
}
