using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class StorageAnalyzerTests
{
    private static string Class(string name, bool isDefault = false, string provisioner = "ebs.csi.aws.com") => $$"""
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: {{name}}
          annotations: {storageclass.kubernetes.io/is-default-class: "{{(isDefault ? "true" : "false")}}"}
        provisioner: {{provisioner}}
        ---

        """;

    private static string Volume(string name, string phase, string reclaim, string className = "fast") => $$"""
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: {{name}}}
        spec:
          capacity: {storage: 100Mi}
          accessModes: [ReadWriteOnce]
          persistentVolumeReclaimPolicy: {{reclaim}}
          storageClassName: {{className}}
          csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}
        status: {phase: {{phase}}, message: "the volume says {{phase}}"}
        ---

        """;

    private static string Claim(string name, string phase, string className) => $$"""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: {{name}}, namespace: prod}
        spec:
          storageClassName: {{className}}
          volumeName: pv-{{name}}
          accessModes: [ReadWriteOnce]
          resources:
            requests: {storage: 100Mi}
        status: {phase: {{phase}}}
        ---

        """;

    private static IReadOnlyList<string> Texts(string yaml) => ReadStates.Texts(SnapshotFixtures.Analyze(new StorageAnalyzer(), yaml));

    [Fact]
    public void Local_volume_no_provisioner_class_is_not_reported()
    {
        Assert.Empty(Texts(Class("local", provisioner: "kubernetes.io/no-provisioner")));
    }

    [Fact]
    public void Each_of_several_default_classes_is_reported()
    {
        var findings = SnapshotFixtures.Analyze(new StorageAnalyzer(), Class("fast", isDefault: true) + Class("slow", isDefault: true) + Class("archive"));

        Assert.Equal(["fast", "slow"], findings.Select(static f => f.Name));
        Assert.All(findings, static f => Assert.Equal("Storage/StorageClass", f.Kind));
        Assert.Equal(
            "StorageClass fast is one of 2 default StorageClasses (fast, slow); claims without a storageClassName get whichever was created last",
            findings[0].Failures[0].Text);
    }

    [Fact]
    public void Single_default_class_is_healthy()
    {
        Assert.Empty(Texts(Class("fast", isDefault: true) + Class("slow")));
    }

    [Fact]
    public void Failed_volume_is_reported_with_its_message()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new StorageAnalyzer(), Volume("pv-1", "Failed", "Delete")));

        Assert.Equal("Storage/PersistentVolume", finding.Kind);
        Assert.Equal("PersistentVolume pv-1 is in Failed state: the volume says Failed", Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public void Claim_a_failed_volume_was_bound_to_is_sensitive()
    {
        var yaml = Volume("pv-1", "Failed", "Delete").Replace("  csi:", "  claimRef: {namespace: data, name: uploads}\n  csi:", StringComparison.Ordinal);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new StorageAnalyzer(), yaml)).Failures);

        Assert.Equal(["pv-1", "data", "uploads"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Released_volume_kept_by_reclaim_policy_retain_is_not_reported()
    {
        Assert.Empty(Texts(Volume("pv-1", "Released", "Retain")));
    }

    [Theory]
    [InlineData("Delete")]
    [InlineData("Recycle")]
    public void Released_volume_that_its_reclaim_policy_should_have_removed_is_reported(string reclaim)
    {
        Assert.Equal(
            [$"PersistentVolume pv-1 is Released with reclaim policy {reclaim} but was not reclaimed: the volume says Released"],
            Texts(Volume("pv-1", "Released", reclaim)));
    }

    [Fact]
    public void Small_bound_volume_is_not_reported()
    {
        Assert.Empty(Texts(Class("fast") + Volume("pv-1", "Bound", "Delete")));
    }

    [Fact]
    public void Bound_claim_whose_storage_class_was_deleted_is_reported()
    {
        var yaml = Class("fast") + Claim("data", "Bound", "gone") + Volume("pv-data", "Bound", "Delete", className: "gone");

        var finding = Assert.Single(SnapshotFixtures.Analyze(new StorageAnalyzer(), yaml));
        Assert.Equal("Storage/PersistentVolumeClaim", finding.Kind);
        Assert.Equal("prod/data", finding.Name);
        Assert.Equal(
            "PersistentVolumeClaim prod/data is bound but its StorageClass gone no longer exists; expanding it or provisioning replacements will fail",
            Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public void Pending_claim_is_left_to_the_PersistentVolumeClaim_analyzer()
    {
        Assert.Empty(Texts(Class("fast") + Claim("data", "Pending", "gone")));
    }

    [Fact]
    public void Bound_claim_is_not_reported_when_storage_classes_could_not_be_read()
    {
        var yaml = ReadStates.Header(("storage.k8s.io", "StorageClass", "storageclasses", "Forbidden")) + Claim("data", "Bound", "gone");

        Assert.Empty(Texts(yaml));
    }
}
