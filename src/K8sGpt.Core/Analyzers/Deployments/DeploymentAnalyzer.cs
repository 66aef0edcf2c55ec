using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Deployments whose rollout stalled (<c>Progressing=False</c>), whose pods cannot be created
/// (<c>ReplicaFailure=True</c>), or that have fewer available replicas than desired while no rollout is
/// legitimately making progress.
/// </summary>
public sealed class DeploymentAnalyzer : ObjectAnalyzer<V1Deployment>
{
    /// <summary>Kubernetes' default for <c>spec.progressDeadlineSeconds</c>.</summary>
    private const int DefaultProgressDeadlineSeconds = 600;

    public override string Name => "Deployment";

    protected override IEnumerable<Failure> Check(V1Deployment deployment, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = deployment.Namespace() ?? "";
        var name = deployment.Name() ?? "";
        var conditions = deployment.Status?.Conditions ?? [];
        var failures = new List<Failure>();

        var progressing = conditions.FirstOrDefault(static c => c?.Type == "Progressing");
        if (progressing?.Status == "False")
        {
            failures.Add(Failure.Of(
                "DeploymentNotProgressing",
                $"Deployment {ns}/{name} has condition Progressing=False, reason {Or(progressing.Reason, "Unknown")}{Suffix(progressing.Message)}",
                "status.conditions",
                ns,
                name));
        }

        var replicaFailure = conditions.FirstOrDefault(static c => c?.Type == "ReplicaFailure" && c.Status == "True");
        if (replicaFailure is not null)
        {
            failures.Add(Failure.Of(
                "DeploymentReplicaFailure",
                $"Deployment {ns}/{name} has condition ReplicaFailure=True, reason {Or(replicaFailure.Reason, "Unknown")}{Suffix(replicaFailure.Message)}",
                "status.conditions",
                ns,
                name));
        }

        if (ReplicaShortfall(deployment, progressing, context.Now) is { } shortfall)
        {
            failures.Add(Failure.Of("DeploymentReplicasUnavailable", $"Deployment {ns}/{name} {shortfall}", "spec.replicas", ns, name));
        }

        return failures;
    }

    /// <summary>
    /// The shortfall sentence, or null when the available replicas meet the desired count or the shortfall is the
    /// expected, temporary state of a rollout that is still making progress.
    /// </summary>
    private static string? ReplicaShortfall(V1Deployment deployment, V1DeploymentCondition? progressing, DateTimeOffset now)
    {
        var desired = deployment.Spec?.Replicas ?? 1;
        var available = deployment.Status?.AvailableReplicas ?? 0;
        var ready = deployment.Status?.ReadyReplicas ?? 0;
        if (available >= desired)
        {
            return null;
        }

        // Pods that are ready but not yet ready for minReadySeconds become available on their own.
        if (ready >= desired && (deployment.Spec?.MinReadySeconds ?? 0) > 0)
        {
            return null;
        }

        // The controller has not yet looked at the latest spec: the counts describe the previous generation.
        if (deployment.Metadata?.Generation is { } generation && (deployment.Status?.ObservedGeneration ?? 0) < generation)
        {
            return null;
        }

        // A rollout that is making progress reports Progressing=True with a reason other than
        // NewReplicaSetAvailable (ReplicaSetUpdated, NewReplicaSetCreated, FoundNewReplicaSet). Missing replicas are
        // then the rollout's own surge/unavailability budget at work, not a fault. The controller itself turns the
        // condition into Progressing=False (ProgressDeadlineExceeded, reported above) when no progress is made within
        // progressDeadlineSeconds, so trusting the condition hides nothing for longer than that deadline. We only
        // stop trusting it when its lastUpdateTime is older than the deadline, which means the controller is not
        // updating status (for example, it is down). Once the rollout completed (NewReplicaSetAvailable), a shortfall
        // is real: pods crashed, were evicted, or a scale-up cannot be satisfied.
        if (progressing is { Status: "True" } && progressing.Reason != "NewReplicaSetAvailable" && !Stale(deployment, progressing, now))
        {
            return null;
        }

        var paused = deployment.Spec?.Paused == true ? " (the rollout is paused)" : "";
        return $"has {desired} replicas but {available} are available with status running{paused}";
    }

    private static bool Stale(V1Deployment deployment, V1DeploymentCondition progressing, DateTimeOffset now)
    {
        var deadline = deployment.Spec?.ProgressDeadlineSeconds ?? DefaultProgressDeadlineSeconds;
        var updated = progressing.LastUpdateTime ?? progressing.LastTransitionTime;
        if (updated is null)
        {
            return false;
        }

        var since = now - new DateTimeOffset(DateTime.SpecifyKind(updated.Value, DateTimeKind.Utc));
        return since > TimeSpan.FromSeconds(deadline);
    }

    private static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static string Suffix(string? message) => string.IsNullOrEmpty(message) ? "" : $": {message}";
}
