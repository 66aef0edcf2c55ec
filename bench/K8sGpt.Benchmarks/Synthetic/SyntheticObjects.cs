using System.Text.Json.Nodes;
using static K8sGpt.Benchmarks.Synthetic.K8s;

namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>Nodes, controllers, services and events shaped like <c>kubectl get -o json</c> output.</summary>
internal static partial class SyntheticObjects
{
    public static JsonObject Node(string name, string uid, string problem)
    {
        var status = new JsonObject
        {
            ["capacity"] = new JsonObject { ["cpu"] = "8", ["memory"] = "32863084Ki", ["pods"] = "110" },
            ["allocatable"] = new JsonObject { ["cpu"] = "7910m", ["memory"] = "31712108Ki", ["pods"] = "110" },
            ["conditions"] = new JsonArray(
                Condition("MemoryPressure", problem == "MemoryPressure" ? "True" : "False", problem == "MemoryPressure" ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory", "kubelet memory status"),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                Condition("Ready", problem == "NotReady" ? "False" : "True", problem == "NotReady" ? "KubeletNotReady" : "KubeletReady", problem == "NotReady" ? "PLEG is not healthy" : "kubelet is posting ready status")),
            ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v1.34.2", ["osImage"] = "Ubuntu 24.04.3 LTS", ["architecture"] = "amd64" },
        };
        var labels = Labels(("kubernetes.io/hostname", name), ("kubernetes.io/os", "linux"), ("node.kubernetes.io/instance-type", "m6i.2xlarge"));
        return Object("v1", "Node", Meta(name, null, uid, labels, age: TimeSpan.FromDays(40)), new JsonObject { ["podCIDR"] = "10.244.0.0/24" }, status);
    }

    public static JsonObject Deployment(string ns, string name, string uid, JsonObject labels, int replicas, int ready)
    {
        var spec = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
            ["template"] = Template(labels, $"registry.example.com/{name}:1.4.2"),
        };
        var status = new JsonObject
        {
            ["observedGeneration"] = 1,
            ["replicas"] = replicas,
            ["updatedReplicas"] = replicas,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["conditions"] = new JsonArray(
                Condition("Available", ready == replicas ? "True" : "False", ready == replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable"),
                Condition("Progressing", "True", "NewReplicaSetAvailable")),
        };
        return Object("apps/v1", "Deployment", Meta(name, ns, uid, (JsonObject)labels.DeepClone()), spec, status);
    }

    public static JsonObject ReplicaSet(string ns, string name, string uid, JsonObject labels, int replicas, int ready, JsonObject owner)
    {
        var spec = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
            ["template"] = Template(labels, "registry.example.com/app:1.4.2"),
        };
        var status = new JsonObject { ["replicas"] = replicas, ["fullyLabeledReplicas"] = replicas, ["readyReplicas"] = ready, ["availableReplicas"] = ready, ["observedGeneration"] = 1 };
        return Object("apps/v1", "ReplicaSet", Meta(name, ns, uid, (JsonObject)labels.DeepClone(), owner), spec, status);
    }

    public static JsonObject StatefulSet(string ns, string name, string uid, JsonObject labels, int replicas, int ready)
    {
        var spec = new JsonObject
        {
            ["replicas"] = replicas,
            ["serviceName"] = name,
            ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
            ["template"] = Template(labels, "registry.example.com/postgres:16.4"),
        };
        var status = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = ready, ["availableReplicas"] = ready, ["currentReplicas"] = replicas, ["updatedReplicas"] = replicas };
        return Object("apps/v1", "StatefulSet", Meta(name, ns, uid, (JsonObject)labels.DeepClone()), spec, status);
    }

    public static JsonObject CronJob(string ns, string name, string uid)
    {
        var spec = new JsonObject
        {
            ["schedule"] = "*/30 * * * *",
            ["concurrencyPolicy"] = "Forbid",
            ["suspend"] = false,
            ["jobTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["backoffLimit"] = 2, ["template"] = Template(Labels(("job", name)), "registry.example.com/batch:2.0") } },
        };
        var status = new JsonObject { ["lastScheduleTime"] = Time(TimeSpan.FromMinutes(20)), ["lastSuccessfulTime"] = Time(TimeSpan.FromMinutes(18)) };
        return Object("batch/v1", "CronJob", Meta(name, ns, uid), spec, status);
    }

    public static JsonObject Job(string ns, string name, string uid, bool failed, JsonObject owner)
    {
        var status = new JsonObject
        {
            ["startTime"] = Time(TimeSpan.FromMinutes(50)),
            [failed ? "failed" : "succeeded"] = failed ? 3 : 1,
            ["conditions"] = new JsonArray(failed
                ? Condition("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit")
                : Condition("Complete", "True")),
        };
        var spec = new JsonObject { ["backoffLimit"] = 2, ["completions"] = 1, ["parallelism"] = 1, ["template"] = Template(Labels(("job-name", name)), "registry.example.com/batch:2.0") };
        return Object("batch/v1", "Job", Meta(name, ns, uid, owner: owner, age: TimeSpan.FromMinutes(50)), spec, status);
    }

    public static JsonObject Service(string ns, string name, string uid, JsonObject labels, string clusterIp)
    {
        var spec = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["clusterIP"] = clusterIp,
            ["selector"] = labels.DeepClone(),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["protocol"] = "TCP", ["targetPort"] = 8080 }),
        };
        return Object("v1", "Service", Meta(name, ns, uid, labels), spec, new JsonObject { ["loadBalancer"] = new JsonObject() });
    }

    public static JsonObject Endpoints(string ns, string name, string uid, IReadOnlyList<PodRef> pods)
    {
        static JsonObject Address(PodRef pod, string ns) => new()
        {
            ["ip"] = pod.Ip!,
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = pod.Name, ["namespace"] = ns, ["uid"] = pod.Uid },
        };

        var endpoints = Object("v1", "Endpoints", Meta(name, ns, uid, Labels(("app", name))));
        var withIp = pods.Where(static p => p.Ip is not null).ToArray();
        if (withIp.Length == 0)
        {
            return endpoints;
        }

        var subset = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 8080, ["protocol"] = "TCP" }) };
        if (withIp.Any(static p => p.Ready))
        {
            subset["addresses"] = Array(withIp.Where(static p => p.Ready).Select(p => Address(p, ns)));
        }

        if (withIp.Any(static p => !p.Ready))
        {
            subset["notReadyAddresses"] = Array(withIp.Where(static p => !p.Ready).Select(p => Address(p, ns)));
        }

        endpoints["subsets"] = new JsonArray(subset);
        return endpoints;
    }

    public static JsonObject Event(string ns, string kind, string name, string uid, string eventUid, string type, string reason, string message, int count)
    {
        var evt = Object("v1", "Event", Meta($"{name}.{eventUid[^12..]}", ns, eventUid, age: TimeSpan.FromMinutes(30)));
        evt["involvedObject"] = new JsonObject { ["kind"] = kind, ["namespace"] = ns, ["name"] = name, ["uid"] = uid, ["apiVersion"] = kind is "Job" ? "batch/v1" : "v1" };
        evt["reason"] = reason;
        evt["message"] = message;
        evt["type"] = type;
        evt["count"] = count;
        evt["firstTimestamp"] = Time(TimeSpan.FromMinutes(30));
        evt["lastTimestamp"] = Time(TimeSpan.FromMinutes(2));
        evt["source"] = new JsonObject { ["component"] = kind is "Job" ? "job-controller" : "kubelet" };
        return evt;
    }
}
