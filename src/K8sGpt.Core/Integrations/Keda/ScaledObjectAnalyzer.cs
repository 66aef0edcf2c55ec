using System.Text.Json.Nodes;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Keda;

/// <summary>
/// KEDA ScaledObjects (<c>keda.sh/v1alpha1</c>): a scale target that does not exist, <c>Ready=False</c>,
/// <c>Fallback=True</c>, the HPA KEDA manages unable to scale, cpu/memory triggers on containers without requests,
/// and a newest warning event about the ScaledObject itself (joined by uid). A paused ScaledObject is not a problem.
/// </summary>
public sealed class ScaledObjectAnalyzer() : CustomResourceAnalyzer(IntegrationResources.ScaledObjects)
{
    public override string Name => "ScaledObject";

    protected override IEnumerable<ResourceType> Lookups =>
    [
        KnownResources.Deployments, KnownResources.StatefulSets, KnownResources.ReplicaSets,
        KnownResources.ReplicationControllers, KnownResources.HorizontalPodAutoscalers, KnownResources.Events,
    ];

    protected override IEnumerable<Failure> Check(UnstructuredObject resource, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var so = resource;
        var ns = so.Metadata?.NamespaceProperty ?? "";
        var name = so.Metadata?.Name ?? "";
        var failures = new List<Failure>();

        var target = ScaleTarget.Read(so);
        if (target is null)
        {
            failures.Add(Failure.Of("ScaledObjectNoTarget", $"ScaledObject {name} has no spec.scaleTargetRef.name: it scales nothing", "spec.scaleTargetRef", name));
        }
        else
        {
            failures.AddRange(TargetChecks(so, target, ns, snapshot, context));
        }

        var conditions = so.Navigate("status.conditions");
        if (JsonFields.Condition(conditions, "Ready") is { } ready && JsonFields.Str(ready, "status") == "False")
        {
            failures.Add(Failure.Of("ScaledObjectNotReady", $"ScaledObject {name} is not ready{Because(ready)}", "status.conditions", name));
        }

        if (JsonFields.Condition(conditions, "Fallback") is { } fallback && JsonFields.Str(fallback, "status") == "True")
        {
            failures.Add(Failure.Of("ScaledObjectFallback", $"ScaledObject {name} is using its fallback replica count because its scalers keep failing{Because(fallback)}", "spec.fallback", name));
        }

        if (!IsPaused(so))
        {
            failures.AddRange(HpaChecks(so, ns, name, snapshot, context));
        }

        if (snapshot.LatestEvent(so, "ScaledObject") is { Type: "Warning" } warning)
        {
            failures.Add(Failure.Of("ScaledObjectWarningEvent", $"ScaledObject {name}: {warning.Reason}: {warning.Message}", "", name));
        }

        return failures;
    }

    private static IEnumerable<Failure> TargetChecks(UnstructuredObject so, ScaleTarget target, string ns, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var lookup = target.Kind switch
        {
            "Deployment" => Spec(snapshot.Find<V1Deployment>(ns, target.Name), static d => d.Spec?.Template?.Spec),
            "StatefulSet" => Spec(snapshot.Find<V1StatefulSet>(ns, target.Name), static s => s.Spec?.Template?.Spec),
            "ReplicaSet" => Spec(snapshot.Find<V1ReplicaSet>(ns, target.Name), static r => r.Spec?.Template?.Spec),
            "ReplicationController" => Spec(snapshot.Find<V1ReplicationController>(ns, target.Name), static r => r.Spec?.Template?.Spec),

            // KEDA scales any resource with a /scale subresource (Argo Rollouts, custom workloads): those are not read, so not judged.
            _ => (LookupOutcome.Unknown, null, ""),
        };

        if (lookup.Outcome == LookupOutcome.Unknown && lookup.Reason.Length > 0)
        {
            context.ReportNotChecked(lookup.Reason, "scaleTargetRef");
        }

        if (lookup.Outcome == LookupOutcome.NotFound)
        {
            yield return Failure.Of(
                "ScaledObjectTargetMissing",
                $"ScaledObject uses {target.Kind}/{target.Name} as ScaleTargetRef which does not exist.",
                "spec.scaleTargetRef",
                target.Name);
            yield break;
        }

        if (lookup.Spec is null)
        {
            yield break;
        }

        foreach (var resource in ResourceTriggers(so))
        {
            var containers = lookup.Spec.Containers ?? [];
            if (containers.Count > 0 && !containers.Any(c => c.Resources?.Requests?.ContainsKey(resource) == true))
            {
                yield return Failure.Of(
                    "ScaledObjectNoResourceRequests",
                    $"{target.Kind} {ns}/{target.Name} does not have resource configured: the {resource} trigger needs a {resource} request on its containers",
                    "spec.template.spec.containers.resources.requests",
                    ns,
                    target.Name);
            }
        }
    }

    private static IEnumerable<Failure> HpaChecks(UnstructuredObject so, string ns, string name, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var hpaName = so.GetString("status.hpaName") is { Length: > 0 } h ? h : $"keda-hpa-{name}";
        var hpa = snapshot.Find<V2HorizontalPodAutoscaler>(ns, hpaName);
        if (!hpa.Found)
        {
            // An HPA that does not exist yet (KEDA creates it) is no problem; one that could not be looked for is unchecked.
            if (!hpa.NotFound)
            {
                context.ReportNotChecked(hpa.Reason, "KEDA-managed HorizontalPodAutoscaler");
            }

            yield break;
        }

        var active = hpa.Value!.Status?.Conditions?.FirstOrDefault(static c => c.Type == "ScalingActive");
        if (active?.Status == "False")
        {
            var why = string.Join(": ", new[] { active.Reason, active.Message }.Where(static s => !string.IsNullOrEmpty(s)));
            yield return Failure.Of(
                "ScaledObjectHpaNotScaling",
                $"the HorizontalPodAutoscaler {hpaName} that KEDA manages for ScaledObject {name} cannot scale{(why.Length > 0 ? ": " + why : "")}",
                "",
                hpaName,
                name);
        }
    }

    /// <summary>Resource names (cpu, memory) of the ScaledObject's resource-metric triggers.</summary>
    private static IEnumerable<string> ResourceTriggers(UnstructuredObject so) =>
        JsonFields.Objects(so.Navigate("spec.triggers"))
            .Select(static t => JsonFields.Str(t, "type"))
            .Where(static t => t is "cpu" or "memory")
            .Select(static t => t!)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Paused by annotation: KEDA stops scaling on purpose, so a non-scaling HPA is expected.</summary>
    private static bool IsPaused(UnstructuredObject so) =>
        so.Metadata?.Annotations is { } annotations
        && (annotations.ContainsKey("autoscaling.keda.sh/paused-replicas")
            || (annotations.TryGetValue("autoscaling.keda.sh/paused", out var paused) && string.Equals(paused, "true", StringComparison.OrdinalIgnoreCase)));

    private static string Because(JsonObject condition)
    {
        var why = string.Join(": ", new[] { JsonFields.Str(condition, "reason"), JsonFields.Str(condition, "message") }.Where(static s => !string.IsNullOrEmpty(s)));
        return why.Length > 0 ? $": {why}" : "";
    }

    private static (LookupOutcome Outcome, V1PodSpec? Spec, string Reason) Spec<T>(Lookup<T> lookup, Func<T, V1PodSpec?> spec)
        where T : class =>
        (lookup.Outcome, lookup.Value is { } value ? spec(value) : null, lookup.Reason);
}
