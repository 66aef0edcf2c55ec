namespace K8sGpt.Testing.FakeAi;

/// <summary>A small broken cluster for explanation tests: names that must never reach an AI under --anonymize.</summary>
public static class ExplainFixtures
{
    /// <summary>Object names and namespaces in <see cref="Snapshot"/>.</summary>
    public static readonly string[] SensitiveNames = ["shop", "payments", "web-7d4b9c", "api-5f6", "api-9k2", "worker-1", "checkout"];

    public const string Snapshot =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: { name: web-7d4b9c, namespace: shop, uid: u-web }
            spec: { containers: [ { name: checkout, image: "registry.local/web:1.0" } ] }
            status:
              phase: Running
              containerStatuses:
                - name: checkout
                  ready: false
                  restartCount: 7
                  image: "registry.local/web:1.0"
                  imageID: ""
                  state: { waiting: { reason: CrashLoopBackOff, message: "back-off restarting" } }
                  lastState: { terminated: { reason: Error, exitCode: 1 } }
          - apiVersion: v1
            kind: Pod
            metadata: { name: api-5f6, namespace: shop, uid: u-api1 }
            spec: { containers: [ { name: api, image: "nginx:doesnotexist" } ] }
            status:
              phase: Pending
              containerStatuses:
                - name: api
                  ready: false
                  restartCount: 0
                  image: "nginx:doesnotexist"
                  imageID: ""
                  state: { waiting: { reason: ImagePullBackOff, message: "Back-off pulling image \"nginx:doesnotexist\"" } }
          - apiVersion: v1
            kind: Pod
            metadata: { name: api-9k2, namespace: shop, uid: u-api2 }
            spec: { containers: [ { name: api, image: "nginx:doesnotexist" } ] }
            status:
              phase: Pending
              containerStatuses:
                - name: api
                  ready: false
                  restartCount: 0
                  image: "nginx:doesnotexist"
                  imageID: ""
                  state: { waiting: { reason: ImagePullBackOff, message: "Back-off pulling image \"nginx:doesnotexist\"" } }
          - apiVersion: v1
            kind: Pod
            metadata: { name: worker-1, namespace: payments, uid: u-worker }
            spec: { containers: [ { name: worker, image: "busybox" } ] }
            status:
              phase: Pending
              conditions:
                - type: PodScheduled
                  status: "False"
                  reason: Unschedulable
                  message: "0/3 nodes are available: pod payments/worker-1 needs 64Gi of memory."
        """;

    /// <summary>Writes the snapshot to a new file in a temp folder and returns its path.</summary>
    public static string WriteSnapshot(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "snapshot.yaml");
        File.WriteAllText(path, Snapshot);
        return path;
    }
}
