using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class ServiceAnalyzerTests
{
    private const string WebService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          uid: 5d3c1e9a-0b7e-4d0e-9a55-2f1f7d0b1a01
          resourceVersion: "48211"
          creationTimestamp: "2026-11-20T08:00:00Z"
        spec:
          type: ClusterIP
          clusterIP: 10.96.14.2
          clusterIPs: [10.96.14.2]
          ipFamilies: [IPv4]
          ipFamilyPolicy: SingleStack
          internalTrafficPolicy: Cluster
          sessionAffinity: None
          selector:
            app: web
            tier: frontend
          ports:
          - name: http
            port: 80
            protocol: TCP
            targetPort: 8080
        status:
          loadBalancer: {}
        ---

        """;

    private static string Slice(string name, string endpoints) => $"""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: {name}
          namespace: shop
          uid: 9e1c2b55-8d1f-4a0a-b3f4-{name.Length:000000000000}
          labels:
            kubernetes.io/service-name: web
            endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
          ownerReferences:
          - apiVersion: v1
            kind: Service
            name: web
            uid: 5d3c1e9a-0b7e-4d0e-9a55-2f1f7d0b1a01
            controller: true
            blockOwnerDeletion: true
        addressType: IPv4
        ports:
        - name: http
          port: 8080
          protocol: TCP
        endpoints:
        {endpoints}
        ---

        """;

    private static string Endpoint(string pod, string ip, bool ready, bool terminating = false) => $$"""
        - addresses: [{{ip}}]
          conditions: {ready: {{(ready ? "true" : "false")}}, serving: {{(ready ? "true" : "false")}}, terminating: {{(terminating ? "true" : "false")}}}
          nodeName: worker-1
          targetRef: {kind: Pod, name: {{pod}}, namespace: shop, uid: 1b2c-{{pod}}}
        """;

    private static readonly string s_emptySlices = Header(("discovery.k8s.io", "EndpointSlice", "endpointslices", "Loaded"));

    [Fact]
    public void Selector_service_without_endpoints_is_reported_once_with_all_its_labels()
    {
        var findings = SnapshotFixtures.Analyze(new ServiceAnalyzer(), s_emptySlices + WebService);

        var finding = Assert.Single(findings);
        Assert.Equal("Service", finding.Kind);
        Assert.Equal("shop/web", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("ServiceNoEndpoints", failure.Code);
        Assert.Equal("Service has no endpoints, expected label app=web,tier=frontend", failure.Text);
        Assert.Equal("spec.selector", failure.DocPath);
        Assert.Contains(failure.Sensitive, static s => s.Unmasked == "web");
    }

    [Fact]
    public void Service_with_a_ready_endpoint_slice_is_healthy()
    {
        var yaml = WebService + Slice("web-abc12", Endpoint("web-7d9f-x1", "10.244.1.7", ready: true));

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Not_ready_endpoints_in_slices_are_listed_by_pod()
    {
        var yaml = WebService + Slice(
            "web-abc12",
            Endpoint("web-7d9f-x1", "10.244.1.7", ready: false) + "\n" + Endpoint("web-7d9f-x2", "10.244.1.8", ready: false));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml)).Failures);

        Assert.Equal("ServiceNotReadyEndpoints", failure.Code);
        Assert.Equal("Service has not ready endpoints, pods: [Pod/web-7d9f-x1 Pod/web-7d9f-x2], expected 2", failure.Text);
    }

    [Fact]
    public void Dual_stack_slices_count_a_not_ready_pod_once()
    {
        var yaml = WebService
            + Slice("web-v4", Endpoint("web-7d9f-x1", "10.244.1.7", ready: false))
            + Slice("web-v6abc", Endpoint("web-7d9f-x1", "fd00:10:244::7", ready: false));

        Assert.Equal(["Service has not ready endpoints, pods: [Pod/web-7d9f-x1], expected 1"], Texts(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml)));
    }

    [Fact]
    public void Terminating_endpoints_during_a_rollout_are_not_reported()
    {
        var yaml = WebService + Slice(
            "web-abc12",
            Endpoint("web-new", "10.244.1.9", ready: true) + "\n" + Endpoint("web-old", "10.244.1.7", ready: false, terminating: true));

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Slices_are_preferred_over_a_stale_endpoints_object()
    {
        var yaml = WebService + Slice("web-abc12", Endpoint("web-7d9f-x1", "10.244.1.7", ready: true)) + """
            apiVersion: v1
            kind: Endpoints
            metadata: {name: web, namespace: shop}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Endpoints_object_is_used_when_slices_were_not_read()
    {
        var yaml = WebService + """
            apiVersion: v1
            kind: Endpoints
            metadata:
              name: web
              namespace: shop
              labels: {app: web}
            subsets:
            - notReadyAddresses:
              - ip: 10.244.2.4
                nodeName: worker-2
                targetRef: {kind: Pod, name: web-7d9f-x3, namespace: shop}
              ports:
              - {name: http, port: 8080, protocol: TCP}
            """;

        var texts = Texts(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));

        Assert.Equal(["Service has not ready endpoints, pods: [Pod/web-7d9f-x3], expected 1"], texts);
    }

    [Fact]
    public void Endpoints_object_with_ready_addresses_is_healthy()
    {
        var yaml = WebService + """
            apiVersion: v1
            kind: Endpoints
            metadata: {name: web, namespace: shop}
            subsets:
            - addresses:
              - {ip: 10.244.2.4, targetRef: {kind: Pod, name: web-1, namespace: shop}}
              ports:
              - {name: http, port: 8080, protocol: TCP}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Endpoints_that_could_not_be_read_are_not_reported_as_missing()
    {
        var yaml = Header(
            ("discovery.k8s.io", "EndpointSlice", "endpointslices", "Forbidden"),
            ("", "Endpoints", "endpoints", "Forbidden")) + WebService;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void ExternalName_service_is_not_reported_for_lack_of_endpoints()
    {
        var yaml = s_emptySlices + """
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop, uid: 11111111-2222-3333-4444-555555555555}
            spec:
              type: ExternalName
              externalName: db.example.com
              selector: {app: db}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Selector_less_service_is_not_reported_for_lack_of_endpoints()
    {
        var yaml = s_emptySlices + """
            apiVersion: v1
            kind: Service
            metadata: {name: external-db, namespace: shop}
            spec:
              type: ClusterIP
              clusterIP: 10.96.0.40
              ports: [{port: 5432, protocol: TCP, targetPort: 5432}]
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Leader_election_lock_endpoints_are_ignored()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: kube-scheduler, namespace: kube-system}
            spec:
              selector: {component: kube-scheduler}
              ports: [{port: 10259, protocol: TCP}]
            ---
            apiVersion: v1
            kind: Endpoints
            metadata:
              name: kube-scheduler
              namespace: kube-system
              annotations:
                control-plane.alpha.kubernetes.io/leader: '{"holderIdentity":"master-1","leaseDurationSeconds":15}'
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Warning_events_of_the_service_itself_are_reported()
    {
        var yaml = WebService + Slice("web-abc12", Endpoint("web-1", "10.244.1.7", ready: true)) + """
            apiVersion: v1
            kind: Event
            metadata: {name: web.17a1, namespace: shop}
            involvedObject: {apiVersion: v1, kind: Service, name: web, namespace: shop, uid: 5d3c1e9a-0b7e-4d0e-9a55-2f1f7d0b1a01}
            type: Warning
            reason: SyncLoadBalancerFailed
            message: "Error syncing load balancer: failed to ensure load balancer: quota exceeded"
            lastTimestamp: "2026-11-30T11:50:00Z"
            ---
            apiVersion: v1
            kind: Event
            metadata: {name: web.17a2, namespace: shop}
            involvedObject: {apiVersion: v1, kind: Service, name: web, namespace: shop, uid: 5d3c1e9a-0b7e-4d0e-9a55-2f1f7d0b1a01}
            type: Normal
            reason: EnsuringLoadBalancer
            message: Ensuring load balancer
            lastTimestamp: "2026-11-30T11:49:00Z"
            """;

        var texts = Texts(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));

        Assert.Equal(["Service shop/web has event Error syncing load balancer: failed to ensure load balancer: quota exceeded"], texts);
    }

    [Fact]
    public void Warning_events_of_a_same_named_object_of_another_kind_are_not_attributed_to_the_service()
    {
        var yaml = WebService + Slice("web-abc12", Endpoint("web-1", "10.244.1.7", ready: true)) + """
            apiVersion: v1
            kind: Event
            metadata: {name: web.hpa1, namespace: shop}
            involvedObject: {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, name: web, namespace: shop, uid: 0a0a0a0a-1111-2222-3333-444444444444}
            type: Warning
            reason: FailedGetResourceMetric
            message: "failed to get cpu utilization: unable to get metrics for resource cpu"
            lastTimestamp: "2026-11-30T11:55:00Z"
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }

    [Fact]
    public void Service_with_missing_spec_and_metadata_fields_does_not_throw()
    {
        var yaml = s_emptySlices + """
            apiVersion: v1
            kind: Service
            metadata: {name: bare}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new ServiceAnalyzer(), yaml));
    }
}
