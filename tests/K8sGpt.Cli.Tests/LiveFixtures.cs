namespace K8sGpt.Cli.Tests;

/// <summary>A small cluster with problems, as YAML.</summary>
internal static class LiveFixtures
{
    public const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: blog
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: cart
          namespace: shop
          uid: uid-cart
          labels:
            app: cart
        status:
          phase: Running
          containerStatuses:
          - name: main
            ready: false
            restartCount: 7
            image: example/cart:1
            imageID: ""
            state:
              waiting:
                reason: CrashLoopBackOff
                message: back-off 5m0s restarting failed container
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: writer
          namespace: blog
          uid: uid-writer
          labels:
            app: writer
        status:
          phase: Pending
          conditions:
          - type: PodScheduled
            status: "False"
            reason: Unschedulable
            message: "0/3 nodes are available: 3 Insufficient cpu."
        ---
        apiVersion: v1
        kind: Event
        metadata:
          name: cart.backoff
          namespace: shop
        involvedObject:
          kind: Pod
          name: cart
          namespace: shop
          uid: uid-cart
        reason: BackOff
        message: Back-off restarting failed container
        type: Warning
        lastTimestamp: "2026-11-30T11:59:00Z"
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
        type: Opaque
        data:
          password: c3VwZXItc2VjcmV0LXZhbHVl
        """;
}
