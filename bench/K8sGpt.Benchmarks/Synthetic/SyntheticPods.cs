using System.Text.Json.Nodes;
using static K8sGpt.Benchmarks.Synthetic.K8s;

namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>Pods (healthy or broken in one of the common ways) and the events a kubelet or scheduler writes for them.</summary>
internal static partial class SyntheticObjects
{
    public static JsonObject Template(JsonObject labels, string image) => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(Container("app", image)) },
    };

    public static JsonObject Pod(string ns, string name, string uid, JsonObject labels, JsonObject owner, string node, string ip, PodFailure failure)
    {
        var image = $"registry.example.com/{labels["app"]}:1.4.2";
        var spec = new JsonObject { ["containers"] = new JsonArray(Container("app", image)), ["restartPolicy"] = "Always", ["serviceAccountName"] = "default" };
        if (failure != PodFailure.Unschedulable)
        {
            spec["nodeName"] = node;
        }

        var ready = failure == PodFailure.None ? "True" : "False";
        var status = new JsonObject
        {
            ["phase"] = failure is PodFailure.Unschedulable or PodFailure.ImagePullBackOff ? "Pending" : "Running",
            ["qosClass"] = "Burstable",
            ["startTime"] = Time(TimeSpan.FromDays(2)),
        };
        if (failure == PodFailure.Unschedulable)
        {
            status["conditions"] = new JsonArray(Condition("PodScheduled", "False", "Unschedulable", "0/50 nodes are available: 50 Insufficient memory. preemption: 0/50 nodes are available: 50 No preemption victims found for incoming pod."));
            return Object("v1", "Pod", Meta(name, ns, uid, labels, owner), spec, status);
        }

        status["hostIP"] = "192.168.1.10";
        status["podIP"] = ip;
        status["conditions"] = new JsonArray(
            Condition("Initialized", "True"),
            Condition("Ready", ready, failure == PodFailure.None ? null : "ContainersNotReady"),
            Condition("ContainersReady", ready, failure == PodFailure.None ? null : "ContainersNotReady"),
            Condition("PodScheduled", "True"));
        status["containerStatuses"] = new JsonArray(ContainerStatus(image, failure));
        return Object("v1", "Pod", Meta(name, ns, uid, labels, owner), spec, status);
    }

    public static JsonObject JobPod(string ns, string name, string uid, string node, bool failed, JsonObject owner)
    {
        var spec = new JsonObject { ["containers"] = new JsonArray(Container("batch", "registry.example.com/batch:2.0")), ["restartPolicy"] = "Never", ["nodeName"] = node };
        var terminated = new JsonObject
        {
            ["exitCode"] = failed ? 1 : 0,
            ["reason"] = failed ? "Error" : "Completed",
            ["startedAt"] = Time(TimeSpan.FromMinutes(49)),
            ["finishedAt"] = Time(TimeSpan.FromMinutes(48)),
        };
        var status = new JsonObject
        {
            ["phase"] = failed ? "Failed" : "Succeeded",
            ["conditions"] = new JsonArray(Condition("Ready", "False", "PodCompleted"), Condition("PodScheduled", "True")),
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = "batch",
                ["image"] = "registry.example.com/batch:2.0",
                ["ready"] = false,
                ["restartCount"] = 0,
                ["started"] = false,
                ["state"] = new JsonObject { ["terminated"] = terminated },
            }),
        };
        return Object("v1", "Pod", Meta(name, ns, uid, Labels(("job-name", (string)owner["name"]!)), owner, TimeSpan.FromMinutes(50)), spec, status);
    }

    public static IEnumerable<JsonObject> EventsFor(string ns, string pod, string uid, PodFailure failure, Func<string> nextUid)
    {
        (string Reason, string Message, int Count)[] events = failure switch
        {
            PodFailure.CrashLoopBackOff => [("Pulled", "Container image already present on machine", 14), ("BackOff", "Back-off restarting failed container app in pod " + pod, 240)],
            PodFailure.ImagePullBackOff => [("Failed", "Failed to pull image: not found", 12), ("BackOff", "Back-off pulling image", 180)],
            PodFailure.Unschedulable => [("FailedScheduling", "0/50 nodes are available: 50 Insufficient memory.", 35)],
            PodFailure.NotReady => [("Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", 420)],
            _ => [],
        };
        foreach (var (reason, message, count) in events)
        {
            var type = reason == "Pulled" ? "Normal" : "Warning";
            yield return Event(ns, "Pod", pod, uid, nextUid(), type, reason, message, count);
        }
    }

    private static JsonObject Container(string name, string image) => new()
    {
        ["name"] = name,
        ["image"] = image,
        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }),
        ["resources"] = new JsonObject
        {
            ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
            ["limits"] = new JsonObject { ["memory"] = "256Mi" },
        },
        ["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = 8080 }, ["periodSeconds"] = 10 },
    };

    private static JsonObject ContainerStatus(string image, PodFailure failure)
    {
        var state = failure switch
        {
            PodFailure.CrashLoopBackOff => new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "back-off 5m0s restarting failed container=app" } },
            PodFailure.ImagePullBackOff => new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ImagePullBackOff", ["message"] = $"Back-off pulling image \"{image}\": not found" } },
            _ => new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Time(TimeSpan.FromDays(2)) } },
        };
        var status = new JsonObject
        {
            ["name"] = "app",
            ["image"] = image,
            ["imageID"] = failure == PodFailure.ImagePullBackOff ? "" : "registry.example.com/app@sha256:" + new string('a', 64),
            ["ready"] = failure == PodFailure.None,
            ["started"] = failure is PodFailure.None or PodFailure.NotReady,
            ["restartCount"] = failure == PodFailure.CrashLoopBackOff ? 14 : 0,
            ["state"] = state,
        };
        if (failure == PodFailure.CrashLoopBackOff)
        {
            status["lastState"] = new JsonObject
            {
                ["terminated"] = new JsonObject { ["exitCode"] = 137, ["reason"] = "OOMKilled", ["startedAt"] = Time(TimeSpan.FromMinutes(6)), ["finishedAt"] = Time(TimeSpan.FromMinutes(5)) },
            };
        }

        return status;
    }
}
