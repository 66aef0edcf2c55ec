using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class StatefulSetAnalyzerTests
{
    private const string Uid = "4c2a9e7d-1b3f-4e8a-9d6c-7a5b3c1e2f90";

    private static string StatefulSet(string serviceName = "serviceName: db", string storageClass = "", string status = "", int replicas = 3, string ordinals = "") => $$"""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
          uid: {{Uid}}
          generation: 2
          labels: {app: db}
        spec:
          replicas: {{replicas}}
          {{serviceName}}
          {{ordinals}}
          podManagementPolicy: OrderedReady
          selector:
            matchLabels: {app: db}
          template:
            metadata:
              labels: {app: db}
            spec:
              containers:
              - name: postgres
                image: postgres:17.2
          volumeClaimTemplates:
          - apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: pgdata
            spec:
              accessModes: [ReadWriteOnce]
              {{storageClass}}
              resources:
                requests:
                  storage: 10Gi
        status:
          observedGeneration: 2
          {{(status.Length > 0 ? status : $"replicas: {replicas}\n  readyReplicas: {replicas}\n  availableReplicas: {replicas}\n  currentReplicas: {replicas}\n  updatedReplicas: {replicas}")}}
          currentRevision: db-6d8f7c9b5
          updateRevision: db-6d8f7c9b5
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: data
          uid: 91b0c2d3-5e6f-4a7b-8c9d-0e1f2a3b4c5d
        spec:
          clusterIP: None
          selector: {app: db}
          ports:
          - {name: postgres, port: 5432, protocol: TCP, targetPort: 5432}
        """;

    private static string Pod(string name, string phase, string ready, string containerState, string created = "2026-11-29T08:00:00Z", string ownerUid = Uid, int restarts = 0) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: data
          uid: 5e0c7a12-8f3b-4d6e-9a1c-{{name[(name.LastIndexOf('-') + 1)..].PadLeft(12, '0')}}
          creationTimestamp: "{{created}}"
          labels: {app: db, statefulset.kubernetes.io/pod-name: {{name}}}
          ownerReferences:
          - apiVersion: apps/v1
            kind: StatefulSet
            name: db
            uid: {{ownerUid}}
            controller: true
            blockOwnerDeletion: true
        spec:
          nodeName: node-a
          containers:
          - name: postgres
            image: postgres:17.2
        status:
          phase: {{phase}}
          conditions:
          - {type: PodScheduled, status: "True", lastTransitionTime: "{{created}}"}
          - {type: Ready, status: "{{ready}}", lastTransitionTime: "{{created}}"}
          containerStatuses:
          - name: postgres
            image: postgres:17.2
            ready: {{(ready == "True" ? "true" : "false")}}
            restartCount: {{restarts}}
            state:
              {{containerState}}
        """;

    private const string RunningState = "running: {startedAt: \"2026-11-29T08:00:10Z\"}";

    private const string OneOfThreeReady = "replicas: 3\n  readyReplicas: 1\n  availableReplicas: 1\n  currentReplicas: 3\n  updatedReplicas: 3";

    private static readonly string s_servicesLoaded = ReadStates.Header(("", "Service", "services", "Loaded"));

    private static string Join(params string[] documents) => string.Join("\n---\n", documents);

    [Fact]
    public void StatefulSet_without_serviceName_is_not_missing_a_service()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), s_servicesLoaded + StatefulSet(serviceName: "")));
    }

    [Fact]
    public void Named_service_that_was_listed_and_is_absent_is_reported()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), s_servicesLoaded + StatefulSet()));

        Assert.Equal("StatefulSet", finding.Kind);
        Assert.Equal("data/db", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("StatefulSetServiceMissing", failure.Code);
        Assert.Equal("StatefulSet uses the service data/db which does not exist.", failure.Text);
        Assert.Equal("spec.serviceName", failure.DocPath);
        Assert.Equal(["data", "db"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Named_service_is_not_reported_missing_when_services_are_forbidden()
    {
        var yaml = ReadStates.Header(("", "Service", "services", "Forbidden")) + StatefulSet();

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml));
    }

    [Fact]
    public void Named_service_is_not_reported_missing_when_services_were_not_read()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), StatefulSet()));
    }

    [Fact]
    public void Existing_named_service_is_not_reported()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), Join(StatefulSet(), Service)));
    }

    [Fact]
    public void Empty_storageClassName_is_not_looked_up()
    {
        var yaml = ReadStates.Header(("storage.k8s.io", "StorageClass", "storageclasses", "Loaded")) + Join(StatefulSet(storageClass: "storageClassName: \"\""), Service);

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml));
    }

    [Fact]
    public void Storage_class_that_was_listed_and_is_absent_is_reported()
    {
        var yaml = ReadStates.Header(("storage.k8s.io", "StorageClass", "storageclasses", "Loaded")) + Join(StatefulSet(storageClass: "storageClassName: fast-ssd"), Service);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml)).Failures);

        Assert.Equal("StatefulSetStorageClassMissing", failure.Code);
        Assert.Equal("StatefulSet uses the storage class fast-ssd which does not exist.", failure.Text);
        Assert.Contains("fast-ssd", failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Storage_class_is_not_reported_missing_when_storage_classes_are_forbidden()
    {
        var yaml = ReadStates.Header(("storage.k8s.io", "StorageClass", "storageclasses", "Forbidden")) + Join(StatefulSet(storageClass: "storageClassName: fast-ssd"), Service);

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml));
    }

    [Fact]
    public void Existing_storage_class_is_not_reported()
    {
        const string storageClass = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast-ssd
              uid: 7e6d5c4b-3a29-4817-b6f5-e4d3c2b1a098
            provisioner: ebs.csi.aws.com
            reclaimPolicy: Delete
            volumeBindingMode: WaitForFirstConsumer
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), Join(StatefulSet(storageClass: "storageClassName: fast-ssd"), Service, storageClass)));
    }

    [Fact]
    public void CrashLoopBackOff_pod_of_the_statefulset_is_reported_with_its_waiting_reason()
    {
        var yaml = Join(
            StatefulSet(status: OneOfThreeReady),
            Service,
            Pod("db-0", "Running", "True", RunningState),
            Pod("db-1", "Running", "False", "waiting: {reason: CrashLoopBackOff, message: back-off 5m0s restarting failed container=postgres pod=db-1_data}", restarts: 14),
            Pod("db-2", "Running", "True", RunningState));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml)).Failures);

        Assert.Equal("StatefulSetPodNotReady", failure.Code);
        Assert.Equal("Statefulset pod db-1 in the namespace data is running but not ready (container postgres is waiting: CrashLoopBackOff).", failure.Text);
        Assert.Equal(["db-1", "data", "postgres"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Pending_pod_is_reported_as_not_in_running_state()
    {
        var yaml = Join(
            StatefulSet(status: OneOfThreeReady),
            Service,
            Pod("db-0", "Running", "True", RunningState),
            Pod("db-1", "Pending", "False", "waiting: {reason: ImagePullBackOff, message: Back-off pulling image \"postgres:17.2\"}"));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml)).Failures);

        Assert.Equal("StatefulSetPodNotRunning", failure.Code);
        Assert.Equal("Statefulset pod db-1 in the namespace data is not in running state (phase Pending; container postgres is waiting: ImagePullBackOff).", failure.Text);
    }

    [Fact]
    public void Pods_are_found_by_owner_uid_whatever_their_ordinal_start()
    {
        var yaml = Join(
            StatefulSet(status: OneOfThreeReady, ordinals: "ordinals: {start: 5}"),
            Service,
            Pod("db-5", "Running", "True", RunningState),
            Pod("db-6", "Failed", "False", "terminated: {exitCode: 1, reason: Error}"),
            Pod("db-7", "Pending", "False", "waiting: {reason: ErrImagePull}"));

        var texts = Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml)).Failures.Select(static f => f.Text);

        Assert.Equal(
            [
                "Statefulset pod db-6 in the namespace data is not in running state (phase Failed).",
                "Statefulset pod db-7 in the namespace data is not in running state (phase Pending; container postgres is waiting: ErrImagePull).",
            ],
            texts);
    }

    [Fact]
    public void Pods_owned_by_another_object_with_the_same_name_are_not_examined()
    {
        var yaml = Join(
            StatefulSet(status: OneOfThreeReady),
            Service,
            Pod("db-1", "Running", "False", "waiting: {reason: CrashLoopBackOff}", ownerUid: "11111111-2222-4333-8444-555555555555", restarts: 3));

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml));
    }

    [Fact]
    public void Pod_that_was_just_created_is_given_time_to_start()
    {
        var yaml = Join(
            StatefulSet(status: "replicas: 3\n  readyReplicas: 2\n  availableReplicas: 2\n  currentReplicas: 3\n  updatedReplicas: 3"),
            Service,
            Pod("db-0", "Running", "True", RunningState),
            Pod("db-1", "Running", "True", RunningState),
            Pod("db-2", "Pending", "False", "waiting: {reason: ContainerCreating}", created: "2026-11-30T11:59:00Z"));

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml));
    }

    [Fact]
    public void Pods_that_cannot_be_created_are_reported_with_the_statefulset_warning_event()
    {
        const string warning = """
            apiVersion: v1
            kind: Event
            metadata:
              name: db.187a2b3c4d5e6f70
              namespace: data
              uid: 3f2e1d0c-9b8a-4765-a432-10fedcba9876
            involvedObject:
              apiVersion: apps/v1
              kind: StatefulSet
              name: db
              namespace: data
              uid: 4c2a9e7d-1b3f-4e8a-9d6c-7a5b3c1e2f90
            type: Warning
            reason: FailedCreate
            message: 'create Pod db-1 in StatefulSet db failed error: pods "db-1" is forbidden: exceeded quota: data-quota, requested: requests.memory=4Gi, used: requests.memory=6Gi, limited: requests.memory=8Gi'
            firstTimestamp: "2026-11-30T10:00:00Z"
            lastTimestamp: "2026-11-30T11:55:00Z"
            count: 42
            source: {component: statefulset-controller}
            """;
        var yaml = Join(StatefulSet(status: OneOfThreeReady), Service, Pod("db-0", "Running", "True", RunningState), warning);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml)).Failures);

        Assert.Equal("StatefulSetPodCreationFailed", failure.Code);
        Assert.StartsWith("create Pod db-1 in StatefulSet db failed error: pods \"db-1\" is forbidden: exceeded quota", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shortfall_is_stated_from_status_when_pods_cannot_be_read()
    {
        var yaml = ReadStates.Header(("", "Pod", "pods", "Forbidden")) + Join(StatefulSet(status: OneOfThreeReady), Service);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml)).Failures);

        Assert.Equal("StatefulSetReplicasNotReady", failure.Code);
        Assert.Equal("StatefulSet data/db has 3 replicas but 1 are ready", failure.Text);
    }

    [Fact]
    public void StatefulSet_with_all_replicas_ready_does_not_look_at_pods()
    {
        var yaml = Join(StatefulSet(), Service, Pod("db-0", "Pending", "False", "waiting: {reason: ErrImagePull}"));

        Assert.Empty(SnapshotFixtures.Analyze(new StatefulSetAnalyzer(), yaml));
    }

    [Fact]
    public void StatefulSet_without_spec_or_status_does_not_throw()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: bare
              namespace: data
            spec:
              volumeClaimTemplates:
              - metadata: {name: x}
            """;

        var (findings, errors) = SnapshotFixtures.Run(new StatefulSetAnalyzer(), SnapshotFixtures.FromYaml(yaml));

        Assert.Empty(errors);
        Assert.Equal("StatefulSet data/bare has 1 replicas but 0 are ready", Assert.Single(Assert.Single(findings).Failures).Text);
    }
}
