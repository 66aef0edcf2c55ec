using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Shared analysis of admission webhook configurations: one result per webhook entry, named
/// <c>&lt;configuration&gt;/&lt;webhook&gt;</c>, for webhooks whose Service is missing or has no healthy receiver pod.
/// </summary>
public abstract class WebhookAnalyzer<TConfiguration> : IAnalyzer
    where TConfiguration : class, IKubernetesObject<V1ObjectMeta>
{
    public abstract string Name { get; }

    public AnalyzerTier Tier => AnalyzerTier.Core;

    /// <summary><c>Mutating</c> or <c>Validating</c>, as written in the texts.</summary>
    protected abstract string Flavour { get; }

    public IReadOnlyList<ResourceRead> Reads =>
    [
        ResourceRead.Primary(KnownResources.For<TConfiguration>()),
        ResourceRead.Lookup(KnownResources.Services),
        ResourceRead.Lookup(KnownResources.Pods),
    ];

    /// <summary>The webhook entries of one configuration.</summary>
    private protected abstract IEnumerable<WebhookEntry> Entries(TConfiguration configuration);

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        foreach (var configuration in snapshot.Selected<TConfiguration>())
        {
            var configName = configuration.Metadata?.Name ?? "";
            try
            {
                foreach (var entry in Entries(configuration))
                {
                    var failures = WebhookChecks.Check(entry, configName, Flavour, snapshot, context).ToArray();
                    if (failures.Length > 0)
                    {
                        findings.Add(new Finding
                        {
                            Kind = Name,
                            ObjectName = $"{configName}/{entry.Name}",
                            Uid = configuration.Metadata?.Uid ?? "",
                            Failures = failures,
                            ParentObject = snapshot.ResolveParent(configuration),
                        });
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportError(configName, ex);
            }
        }

        return findings;
    }
}
