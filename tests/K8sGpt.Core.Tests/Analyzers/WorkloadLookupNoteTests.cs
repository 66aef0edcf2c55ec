using K8sGpt.Core.Analyzers;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

/// <summary>
/// Workload analyzers say which checks they skipped because a type was not read, instead of reporting nothing; and
/// an unknown lookup never becomes a problem.
/// </summary>
public sealed class WorkloadLookupNoteTests
{
    private const string Hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nope}
          minReplicas: 1
          maxReplicas: 3
        ---

        """;

    private const string OtherDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: other, namespace: shop}
        spec:
          selector: {matchLabels: {app: other}}
          template: {metadata: {labels: {app: other}}, spec: {containers: [{name: app, image: other}]}}
        ---

        """;

    [Fact]
    public void HPA_whose_target_kind_was_not_read_is_noted_not_reported()
    {
        var (findings, notes) = NotChecked.Run(new HorizontalPodAutoscalerAnalyzer(), Hpa + Hpa.Replace("name: web,", "name: api,", StringComparison.Ordinal));

        Assert.Empty(findings);
        Assert.Equal(["[HorizontalPodAutoscaler] deployments.apps not in this snapshot: 2 scaleTargetRefs not checked"], notes);
    }

    [Fact]
    public void HPA_whose_target_kind_was_read_reports_the_missing_target_without_a_note()
    {
        var (findings, notes) = NotChecked.Run(new HorizontalPodAutoscalerAnalyzer(), Hpa + OtherDeployment);

        Assert.Equal(["HorizontalPodAutoscalerTargetNotFound"], Codes(findings));
        Assert.Empty(notes);
    }

    [Fact]
    public void StatefulSet_notes_its_unread_service_storage_class_and_pods()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: data}
            spec:
              serviceName: db-headless
              replicas: 2
              selector: {matchLabels: {app: db}}
              template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: db}]}}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            status: {replicas: 2, readyReplicas: 1}
            """;

        var (findings, notes) = NotChecked.Run(new StatefulSetAnalyzer(), yaml);

        Assert.Equal(["StatefulSetReplicasNotReady"], Codes(findings));
        Assert.Equal(
        [
            "[StatefulSet] pods not in this snapshot: 1 StatefulSet's pods not checked",
            "[StatefulSet] services not in this snapshot: 1 serviceName not checked",
            "[StatefulSet] storageclasses.storage.k8s.io not in this snapshot: 1 storageClassName not checked",
        ], notes);
    }

    [Fact]
    public void DaemonSet_notes_a_forbidden_pull_secret_and_unread_pods_of_a_rolling_update()
    {
        var yaml = Header(("", "Secret", "secrets", "Forbidden")) + """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: monitoring, generation: 2}
            spec:
              selector: {matchLabels: {app: agent}}
              updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}
              template:
                metadata: {labels: {app: agent}}
                spec: {imagePullSecrets: [{name: registry}], containers: [{name: agent, image: agent}]}
            status: {observedGeneration: 2, desiredNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 2, numberUnavailable: 1}
            """;

        var (findings, notes) = NotChecked.Run(new DaemonSetAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(
        [
            "[DaemonSet] forbidden: cannot list secrets (HTTP 403): 1 imagePullSecret not checked",
            "[DaemonSet] pods not in this snapshot: 1 rolling DaemonSet's pods not checked",
        ], notes);
    }

    [Fact]
    public void PodDisruptionBudget_and_NetworkPolicy_note_that_their_selectors_were_not_matched_against_pods()
    {
        const string yaml = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web, namespace: shop}
            spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}
            """;

        var (pdbFindings, pdbNotes) = NotChecked.Run(new PodDisruptionBudgetAnalyzer(), yaml);
        var (policyFindings, policyNotes) = NotChecked.Run(new NetworkPolicyAnalyzer(), yaml);

        Assert.Empty(pdbFindings);
        Assert.Empty(policyFindings);
        Assert.Equal(["[PodDisruptionBudget] pods not in this snapshot: 1 pod selector not checked"], pdbNotes);
        Assert.Equal(["[NetworkPolicy] pods not in this snapshot: 1 podSelector not checked"], policyNotes);
    }

    [Fact]
    public void Claims_note_an_unread_storage_class()
    {
        const string yaml = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            status: {phase: Pending}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: bound, namespace: shop}
            spec: {volumeName: pv-1, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            status: {phase: Bound}
            """;

        var (claimFindings, claimNotes) = NotChecked.Run(new PersistentVolumeClaimAnalyzer(), yaml);
        var (storageFindings, storageNotes) = NotChecked.Run(new StorageAnalyzer(), yaml);

        Assert.Empty(claimFindings);
        Assert.Empty(storageFindings);
        Assert.Equal(["[PersistentVolumeClaim] storageclasses.storage.k8s.io not in this snapshot: 1 storageClassName not checked"], claimNotes);
        Assert.Equal(["[Storage] persistentvolumes not in this snapshot: 1 bound claim's class not checked"], storageNotes);
    }

    [Fact]
    public void Service_and_ConfigMap_note_unread_endpoints_and_pods()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {mode: fast}
            """;

        var (serviceFindings, serviceNotes) = NotChecked.Run(new ServiceAnalyzer(), yaml);
        var (configFindings, configNotes) = NotChecked.Run(new ConfigMapAnalyzer(), yaml);

        Assert.Empty(serviceFindings);
        Assert.Empty(configFindings);
        Assert.Equal(["[Service] endpoints not in this snapshot: 1 Service selector not checked"], serviceNotes);
        Assert.Equal(["[ConfigMap] pods not in this snapshot: 1 ConfigMap usage not checked"], configNotes);
    }

    private static string[] Codes(IEnumerable<Findings.Finding> findings) => [.. ReadStates.Codes(findings)];
}
