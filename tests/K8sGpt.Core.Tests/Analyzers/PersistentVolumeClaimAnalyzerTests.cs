using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class PersistentVolumeClaimAnalyzerTests
{
    private const string ClaimUid = "7c1f0e3a-2b4d-4e6f-8a9b-0c1d2e3f4a51";

    private const string ImmediateClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: standard
          annotations:
            storageclass.kubernetes.io/is-default-class: "true"
        provisioner: ebs.csi.aws.com
        reclaimPolicy: Delete
        volumeBindingMode: Immediate
        allowVolumeExpansion: true
        ---

        """;

    private const string LocalClass = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: local-path}
        provisioner: rancher.io/local-path
        reclaimPolicy: Delete
        volumeBindingMode: WaitForFirstConsumer
        ---

        """;

    private static string Claim(string storageClass, string phase, string extraStatus = "", string owner = "") => $"""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data-db-0
          namespace: shop
          uid: {ClaimUid}
          creationTimestamp: "2026-11-30T10:00:00Z"
          finalizers: [kubernetes.io/pvc-protection]
          labels: {"{app: db}"}
        {owner}
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests: {"{storage: 10Gi}"}
          storageClassName: {storageClass}
          volumeMode: Filesystem
        status:
          phase: {phase}
        {extraStatus}
        ---

        """;

    private static string Event(string name, string reason, string message, string time, string type = "Warning") => $"""
        apiVersion: v1
        kind: Event
        metadata: {"{"}name: {name}, namespace: shop{"}"}
        involvedObject: {"{"}apiVersion: v1, kind: PersistentVolumeClaim, name: data-db-0, namespace: shop, uid: {ClaimUid}{"}"}
        type: {type}
        reason: {reason}
        message: "{message}"
        source: {"{component: persistentvolume-controller}"}
        lastTimestamp: "{time}"
        ---

        """;

    private const string Quota = "failed to provision volume with StorageClass \\\"standard\\\": rpc error: code = ResourceExhausted desc = quota exceeded";

    [Fact]
    public void Pending_claim_with_a_provisioning_failure_is_reported_with_the_event_message()
    {
        var yaml = ImmediateClass + Claim("standard", "Pending") + Event("e1", "ProvisioningFailed", Quota, "2026-11-30T11:58:00Z");

        var finding = Assert.Single(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));

        Assert.Equal("PersistentVolumeClaim", finding.Kind);
        Assert.Equal("shop/data-db-0", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("PersistentVolumeClaimProvisioningFailed", failure.Code);
        Assert.Equal("failed to provision volume with StorageClass \"standard\": rpc error: code = ResourceExhausted desc = quota exceeded", failure.Text);
    }

    [Fact]
    public void Provisioning_failure_hidden_behind_a_newer_normal_event_is_still_reported()
    {
        var yaml = ImmediateClass + Claim("standard", "Pending")
            + Event("e1", "ProvisioningFailed", Quota, "2026-11-30T11:50:00Z")
            + Event("e2", "Provisioning", "External provisioner is provisioning volume for claim \\\"shop/data-db-0\\\"", "2026-11-30T11:59:00Z", "Normal");

        Assert.Equal("PersistentVolumeClaimProvisioningFailed", Assert.Single(Codes(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml))));
    }

    [Fact]
    public void Pending_claim_with_only_normal_events_is_not_reported()
    {
        var yaml = ImmediateClass + Claim("standard", "Pending")
            + Event("e2", "ExternalProvisioning", "Waiting for a volume to be created by the external provisioner", "2026-11-30T11:59:00Z", "Normal");

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }

    [Fact]
    public void Bound_claim_is_healthy_even_with_an_old_provisioning_failure()
    {
        var yaml = ImmediateClass + Claim("standard", "Bound") + Event("e1", "ProvisioningFailed", Quota, "2026-11-30T10:01:00Z");

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }

    [Fact]
    public void Pending_claim_whose_storage_class_does_not_exist_is_reported()
    {
        var yaml = ImmediateClass + Claim("fast-ssd", "Pending");

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)).Failures);

        Assert.Equal("PersistentVolumeClaimStorageClassNotFound", failure.Code);
        Assert.Equal("PersistentVolumeClaim shop/data-db-0 uses the storage class fast-ssd which does not exist.", failure.Text);
    }

    [Fact]
    public void Storage_class_that_could_not_be_read_is_not_reported_as_missing()
    {
        var yaml = Header(("storage.k8s.io", "StorageClass", "storageclasses", "Forbidden")) + Claim("fast-ssd", "Pending");

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }

    [Fact]
    public void Pending_claim_with_an_explicitly_empty_class_is_not_looked_up()
    {
        var yaml = ImmediateClass + Claim("\"\"", "Pending");

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }

    [Fact]
    public void Pending_claim_in_a_wait_for_first_consumer_class_without_a_pod_is_healthy()
    {
        var yaml = Header(("", "Pod", "pods", "Loaded")) + LocalClass + Claim("local-path", "Pending")
            + Event("e1", "ProvisioningFailed", "stale failure from an earlier attempt", "2026-11-30T10:05:00Z");

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }

    [Fact]
    public void Pending_claim_in_a_wait_for_first_consumer_class_with_a_pod_reports_provisioning_failures()
    {
        var yaml = LocalClass + Claim("local-path", "Pending")
            + Event("e1", "ProvisioningFailed", "failed to provision volume: no space left on node worker-2", "2026-11-30T11:59:00Z") + """
            apiVersion: v1
            kind: Pod
            metadata: {name: db-0, namespace: shop}
            spec:
              nodeName: worker-2
              containers: [{name: db, image: postgres:17}]
              volumes:
              - name: data
                persistentVolumeClaim: {claimName: data-db-0}
            status: {phase: Pending}
            """;

        Assert.Equal(["failed to provision volume: no space left on node worker-2"], Texts(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)));
    }

    [Fact]
    public void Lost_claim_is_reported()
    {
        var yaml = ImmediateClass + Claim("standard", "Lost").Replace("volumeMode: Filesystem", "volumeMode: Filesystem\n  volumeName: pvc-7c1f0e3a", StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)).Failures);

        Assert.Equal("PersistentVolumeClaimLost", failure.Code);
        Assert.Equal("PersistentVolumeClaim shop/data-db-0 is Lost: its bound PersistentVolume pvc-7c1f0e3a no longer exists", failure.Text);
    }

    [Theory]
    [InlineData("ControllerResizeError")]
    [InlineData("NodeResizeError")]
    public void Resize_error_condition_is_reported(string type)
    {
        var conditions = $"""
              conditions:
              - type: {type}
                status: "True"
                lastTransitionTime: "2026-11-30T11:40:00Z"
                message: "resize volume \"pvc-7c1f0e3a\" by resizer \"ebs.csi.aws.com\" failed: VolumeModificationRateExceeded"
            """;
        var yaml = ImmediateClass + Claim("standard", "Bound", conditions);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)).Failures);

        Assert.Equal("PersistentVolumeClaimResizeFailed", failure.Code);
        Assert.Equal($"PersistentVolumeClaim shop/data-db-0 failed to resize ({type}): resize volume \"pvc-7c1f0e3a\" by resizer \"ebs.csi.aws.com\" failed: VolumeModificationRateExceeded", failure.Text);
    }

    [Fact]
    public void Infeasible_allocated_resource_status_is_reported()
    {
        var yaml = ImmediateClass + Claim("standard", "Bound", "  allocatedResourceStatuses: {storage: ControllerResizeInfeasible}");

        Assert.Equal(["PersistentVolumeClaim shop/data-db-0 failed to resize (ControllerResizeInfeasible for storage)"], Texts(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)));
    }

    [Fact]
    public void File_system_resize_pending_for_long_is_reported()
    {
        var conditions = """
              conditions:
              - type: FileSystemResizePending
                status: "True"
                lastTransitionTime: "2026-11-30T09:00:00Z"
                message: Waiting for user to (re-)start a pod to finish file system resize of volume on node.
            """;
        var yaml = ImmediateClass + Claim("standard", "Bound", conditions);

        Assert.Equal(
            ["PersistentVolumeClaim shop/data-db-0 has been waiting 3h for a file system resize on the node; it completes when a pod using the claim is (re)started"],
            Texts(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)));
    }

    [Fact]
    public void File_system_resize_pending_briefly_is_not_reported()
    {
        var conditions = """
              conditions:
              - {type: FileSystemResizePending, status: "True", lastTransitionTime: "2026-11-30T11:50:00Z"}
              - {type: Resizing, status: "True", lastTransitionTime: "2026-11-30T11:49:00Z"}
            """;
        var yaml = ImmediateClass + Claim("standard", "Bound", conditions);

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }

    [Fact]
    public void Parent_stateful_set_is_resolved_for_a_failing_claim()
    {
        var owner = """
              ownerReferences:
              - apiVersion: apps/v1
                kind: StatefulSet
                name: db
                uid: 2d2d2d2d-0000-4000-8000-000000000001
                controller: true
            """;
        var yaml = Claim("fast-ssd", "Pending", owner: owner) + """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: standard}
            provisioner: ebs.csi.aws.com
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop, uid: 2d2d2d2d-0000-4000-8000-000000000001}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: db, image: postgres:17}]}
            """;

        Assert.Equal("StatefulSet/db", Assert.Single(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml)).ParentObject);
    }

    [Fact]
    public void Claim_with_no_spec_or_status_does_not_throw()
    {
        var yaml = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: bare, namespace: shop}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new PersistentVolumeClaimAnalyzer(), yaml));
    }
}
