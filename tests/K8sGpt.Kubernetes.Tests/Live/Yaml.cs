using System.Globalization;
using System.Text;

namespace K8sGpt.Kubernetes.Tests.Live;

/// <summary>YAML fixtures for the live tests.</summary>
internal static class Yaml
{
    public static string Namespace(string name) => $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
        ---

        """;

    public static string HealthyPod(string ns, string name, string app = "web") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
          uid: uid-{ns}-{name}
          labels:
            app: {app}
        status:
          phase: Running
        ---

        """;

    public static string PendingPod(string ns, string name, string app = "web") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
          uid: uid-{ns}-{name}
          labels:
            app: {app}
        status:
          phase: Pending
          conditions:
          - type: PodScheduled
            status: "False"
            reason: Unschedulable
            message: "0/3 nodes are available: 3 Insufficient cpu."
        ---

        """;

    public static string CrashingPod(string ns, string name, string app = "web") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {ns}
          uid: uid-{ns}-{name}
          labels:
            app: {app}
        status:
          phase: Running
          containerStatuses:
          - name: main
            ready: false
            restartCount: 7
            image: example/app:1
            imageID: ""
            state:
              waiting:
                reason: CrashLoopBackOff
                message: back-off 5m0s restarting failed container
            lastState:
              terminated:
                exitCode: 1
                reason: Error
        ---

        """;

    public static string EventFor(string ns, string pod, string reason, string message) => $"""
        apiVersion: v1
        kind: Event
        metadata:
          name: {pod}.{reason.ToLowerInvariant()}
          namespace: {ns}
        involvedObject:
          kind: Pod
          name: {pod}
          namespace: {ns}
          uid: uid-{ns}-{pod}
        reason: {reason}
        message: "{message}"
        type: Warning
        lastTimestamp: "2026-11-30T11:59:00Z"
        ---

        """;

    public static string ManyPods(int count, string ns = "default")
    {
        var text = new StringBuilder(Namespace(ns));
        for (var i = 0; i < count; i++)
        {
            text.Append(i % 10 == 0 ? CrashingPod(ns, "pod-" + i.ToString("D5", CultureInfo.InvariantCulture)) : HealthyPod(ns, "pod-" + i.ToString("D5", CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }
}
