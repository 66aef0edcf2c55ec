namespace K8sGpt.Server.Tests.Support;

/// <summary>Snapshot YAML served by the test servers.</summary>
internal static class TestSnapshots
{
    /// <summary>
    /// One unschedulable Pod owned by ReplicaSet web-7f9 of Deployment web; the Deployment's controller has not yet
    /// observed its latest spec, so the Deployment itself is not judged and the Pod is the only problem.
    /// </summary>
    public const string PendingPod = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: shop, uid: d1, generation: 2}
          status: {observedGeneration: 1}
          spec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: app, image: nginx}]}}}
        - apiVersion: apps/v1
          kind: ReplicaSet
          metadata:
            name: web-7f9
            namespace: shop
            uid: rs1
            ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1}]
          spec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: app, image: nginx}]}}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web-7f9-abcde
            namespace: shop
            uid: p1
            labels: {app: web}
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7f9, uid: rs1}]
          spec: {containers: [{name: app, image: nginx}]}
          status:
            phase: Pending
            conditions:
            - {type: PodScheduled, status: "False", reason: Unschedulable, message: "0/3 nodes are available: 3 Insufficient cpu."}
        """;
}
