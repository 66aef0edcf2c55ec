using System.Text.Json.Nodes;
using static K8sGpt.Benchmarks.Synthetic.K8s;

namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>
/// Generates a deterministic cluster of a given pod count: Deployments (with ReplicaSets), StatefulSets and CronJobs
/// (with Jobs) behind Services and Endpoints, nodes, and events; about 5% of pods (and two nodes) are broken.
/// </summary>
internal sealed class SyntheticCluster
{
    private const double BrokenFraction = 0.05;

    private readonly Random _random;
    private readonly List<JsonObject> _items = [];
    private readonly int _nodes;
    private int _uid;
    private int _pods;

    private SyntheticCluster(int seed, int nodes)
    {
        _random = new Random(seed);
        _nodes = nodes;
    }

    /// <summary>All objects of the cluster, in the order a dump would list them.</summary>
    public static IReadOnlyList<JsonObject> Generate(int pods = 10_000, int nodes = 50, int seed = 42)
    {
        var cluster = new SyntheticCluster(seed, nodes);
        for (var n = 0; n < nodes; n++)
        {
            cluster._items.Add(SyntheticObjects.Node($"node-{n:D3}", cluster.NextUid(), n switch { 7 => "NotReady", 23 => "MemoryPressure", _ => "" }));
        }

        var namespaces = Enumerable.Range(0, 20).Select(static i => $"team-{i:D2}").ToArray();
        foreach (var ns in namespaces)
        {
            cluster._items.Add(Object("v1", "Namespace", Meta(ns, null, cluster.NextUid()), status: new JsonObject { ["phase"] = "Active" }));
        }

        for (var app = 0; cluster._pods < pods; app++)
        {
            var ns = namespaces[app % namespaces.Length];
            var remaining = pods - cluster._pods;
            switch (cluster._random.Next(10))
            {
                case < 7: cluster.AddDeployment(ns, $"web-{app:D4}", Math.Min(remaining, cluster._random.Next(2, 9))); break;
                case < 9: cluster.AddStatefulSet(ns, $"db-{app:D4}", Math.Min(remaining, 3)); break;
                default: cluster.AddCronJob(ns, $"batch-{app:D4}", Math.Min(remaining, 2)); break;
            }
        }

        return cluster._items;
    }

    private string NextUid() => $"00000000-0000-4000-8000-{++_uid:D12}";

    private string NodeName() => $"node-{_random.Next(_nodes):D3}";

    private void AddDeployment(string ns, string name, int replicas)
    {
        var labels = Labels(("app", name));
        var deploymentUid = NextUid();
        var rsName = $"{name}-{_random.Next(0x1000000):x6}";
        var rsUid = NextUid();
        var pods = AddPods(ns, replicas, i => $"{rsName}-{i:D5}", labels, Owner("apps/v1", "ReplicaSet", rsName, rsUid));
        var ready = pods.Count(static p => p.Ready);
        _items.Add(SyntheticObjects.Deployment(ns, name, deploymentUid, labels, replicas, ready));
        _items.Add(SyntheticObjects.ReplicaSet(ns, rsName, rsUid, labels, replicas, ready, Owner("apps/v1", "Deployment", name, deploymentUid)));
        AddService(ns, name, labels, pods);
    }

    private void AddStatefulSet(string ns, string name, int replicas)
    {
        var labels = Labels(("app", name));
        var uid = NextUid();
        var pods = AddPods(ns, replicas, i => $"{name}-{i}", labels, Owner("apps/v1", "StatefulSet", name, uid));
        _items.Add(SyntheticObjects.StatefulSet(ns, name, uid, labels, replicas, pods.Count(static p => p.Ready)));
        AddService(ns, name, labels, pods);
    }

    private void AddCronJob(string ns, string name, int jobs)
    {
        var cronJobUid = NextUid();
        _items.Add(SyntheticObjects.CronJob(ns, name, cronJobUid));
        for (var j = 0; j < jobs; j++)
        {
            var jobName = $"{name}-{29400000 + j}";
            var jobUid = NextUid();
            var failed = _random.NextDouble() < BrokenFraction;
            _items.Add(SyntheticObjects.Job(ns, jobName, jobUid, failed, Owner("batch/v1", "CronJob", name, cronJobUid)));
            var podName = $"{jobName}-{_random.Next(0x100000):x5}";
            var podUid = NextUid();
            _items.Add(SyntheticObjects.JobPod(ns, podName, podUid, NodeName(), failed, Owner("batch/v1", "Job", jobName, jobUid)));
            _pods++;
            if (failed)
            {
                _items.Add(SyntheticObjects.Event(ns, "Job", jobName, jobUid, NextUid(), "Warning", "BackoffLimitExceeded", "Job has reached the specified backoff limit", 1));
            }
        }
    }

    /// <summary>Adds the pods of a workload and their events.</summary>
    private List<PodRef> AddPods(string ns, int count, Func<int, string> name, JsonObject labels, JsonObject owner)
    {
        var pods = new List<PodRef>();
        for (var i = 0; i < count; i++)
        {
            var podName = name(i);
            var uid = NextUid();
            var ip = $"10.{_pods / 65536 % 256}.{_pods / 256 % 256}.{_pods % 256}";
            var failure = _random.NextDouble() < BrokenFraction ? (PodFailure)_random.Next(1, 5) : PodFailure.None;
            _items.Add(SyntheticObjects.Pod(ns, podName, uid, (JsonObject)labels.DeepClone(), (JsonObject)owner.DeepClone(), NodeName(), ip, failure));
            foreach (var evt in SyntheticObjects.EventsFor(ns, podName, uid, failure, NextUid))
            {
                _items.Add(evt);
            }

            pods.Add(new PodRef(podName, uid, failure == PodFailure.Unschedulable ? null : ip, failure == PodFailure.None));
            _pods++;
        }

        return pods;
    }

    private void AddService(string ns, string name, JsonObject labels, List<PodRef> pods)
    {
        _items.Add(SyntheticObjects.Service(ns, name, NextUid(), (JsonObject)labels.DeepClone(), $"10.96.{_random.Next(256)}.{_random.Next(1, 255)}"));
        _items.Add(SyntheticObjects.Endpoints(ns, name, NextUid(), pods));
    }
}
