using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class NodeAnalyzerTests
{
    private static string Node(string conditions) => $"""
        apiVersion: v1
        kind: Node
        metadata:
          name: worker-1
          uid: 4e0c3b1a-9f8e-4d7c-8b6a-5f4e3d2c1b01
          labels:
            kubernetes.io/hostname: worker-1
            node-role.kubernetes.io/worker: ""
        spec:
          podCIDR: 10.244.1.0/24
          providerID: aws:///eu-west-1a/i-0abc123
        status:
          conditions:
        {conditions}
          nodeInfo:
            kubeletVersion: v1.34.2
            containerRuntimeVersion: containerd://2.1.4
        """;

    private static string Condition(string type, string status, string reason, string message) => $"""
          - type: {type}
            status: "{status}"
            reason: {reason}
            message: "{message}"
            lastHeartbeatTime: "2026-11-30T11:59:30Z"
            lastTransitionTime: "2026-11-20T08:00:00Z"

        """;

    private static readonly string s_healthy =
        Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available")
        + Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure")
        + Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available")
        + Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status");

    [Fact]
    public void Healthy_node_is_not_reported()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new NodeAnalyzer(), Node(s_healthy)));
    }

    [Fact]
    public void Node_not_ready_is_reported_under_its_own_name()
    {
        var yaml = Node(s_healthy.Replace(
            Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
            Condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
            StringComparison.Ordinal));

        var finding = Assert.Single(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml));

        Assert.Equal("Node", finding.Kind);
        Assert.Equal("worker-1", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("NodeNotReady", failure.Code);
        Assert.Equal("worker-1 has condition of type Ready, reason NodeStatusUnknown: Kubelet stopped posting node status.", failure.Text);
        Assert.Equal(["worker-1"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Pressure_condition_that_is_true_is_reported()
    {
        var yaml = Node(s_healthy + Condition("NetworkUnavailable", "False", "RouteCreated", "RouteController created a route")).Replace(
            "status: \"False\"\n    reason: KubeletHasNoDiskPressure\n    message: \"kubelet has no disk pressure\"",
            "status: \"True\"\n    reason: KubeletHasDiskPressure\n    message: \"kubelet has disk pressure\"",
            StringComparison.Ordinal);

        Assert.Equal(
            ["worker-1 has condition of type DiskPressure, reason KubeletHasDiskPressure: kubelet has disk pressure"],
            Texts(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml)));
    }

    [Fact]
    public void Healthy_node_problem_detector_conditions_are_not_reported()
    {
        var yaml = Node(s_healthy
            + Condition("KernelDeadlock", "False", "KernelHasNoDeadlock", "kernel has no deadlock")
            + Condition("ReadonlyFilesystem", "False", "FilesystemIsNotReadOnly", "Filesystem is not read-only")
            + Condition("FrequentKubeletRestart", "False", "NoFrequentKubeletRestart", "kubelet is functioning properly"));

        Assert.Empty(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml));
    }

    [Fact]
    public void Node_problem_detector_condition_that_is_true_is_reported()
    {
        var yaml = Node(s_healthy + Condition("KernelDeadlock", "True", "DockerHung", "task docker:7 blocked for more than 120 seconds."));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml)).Failures);

        Assert.Equal("NodeProblemCondition", failure.Code);
        Assert.Equal("worker-1 has condition of type KernelDeadlock, reason DockerHung: task docker:7 blocked for more than 120 seconds.", failure.Text);
    }

    [Fact]
    public void Condition_without_reason_or_message_leaves_no_empty_reason_fragment()
    {
        var yaml = Node(s_healthy + "  - {type: KernelDeadlock, status: \"True\"}\n" + "  - {type: ReadonlyFilesystem, status: \"True\", message: \"remounted read-only\"}\n");

        Assert.Equal(
            ["worker-1 has condition of type KernelDeadlock", "worker-1 has condition of type ReadonlyFilesystem: remounted read-only"],
            Texts(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml)));
    }

    [Fact]
    public void Unknown_problem_condition_is_reported()
    {
        var yaml = Node(s_healthy + Condition("ReadonlyFilesystem", "Unknown", "NoData", "no data from the detector"));

        Assert.Equal("NodeProblemCondition", Assert.Single(Codes(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml))));
    }

    [Fact]
    public void Readiness_type_conditions_other_than_ready_must_be_true()
    {
        var yaml = Node(s_healthy + Condition("GPUDriverReady", "False", "DriverNotLoaded", "nvidia driver is not loaded"));

        Assert.Equal(
            ["worker-1 has condition of type GPUDriverReady, reason DriverNotLoaded: nvidia driver is not loaded"],
            Texts(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml)));
    }

    [Fact]
    public void Etcd_is_voter_condition_is_ignored()
    {
        var yaml = Node(s_healthy + Condition("EtcdIsVoter", "True", "MemberNotLearner", "Node is a voting member of the etcd cluster"));

        Assert.Empty(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml));
    }

    [Fact]
    public void Node_without_status_does_not_throw()
    {
        var yaml = """
            apiVersion: v1
            kind: Node
            metadata: {name: bare}
            status:
              conditions:
              - {type: Ready}
            """;

        Assert.Equal(["bare has condition of type Ready"], Texts(SnapshotFixtures.Analyze(new NodeAnalyzer(), yaml)));
    }
}
