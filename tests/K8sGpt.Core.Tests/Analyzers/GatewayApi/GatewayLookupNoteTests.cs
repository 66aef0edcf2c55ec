using K8sGpt.Core.Analyzers;

namespace K8sGpt.Core.Tests.Analyzers.GatewayApi;

/// <summary>Gateway API analyzers say which references they could not follow because a type was not read.</summary>
public sealed class GatewayLookupNoteTests
{
    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec:
          parentRefs: [{name: gw-missing}]
          rules:
          - backendRefs: [{name: svc-missing, port: 80}]
        ---

        """;

    [Fact]
    public void Route_in_a_snapshot_without_gateways_or_services_notes_both_references()
    {
        var (findings, notes) = NotChecked.Run(new HttpRouteAnalyzer(), Route);

        Assert.Empty(findings);
        Assert.Equal(
        [
            "[HTTPRoute] gateways.gateway.networking.k8s.io not in this snapshot: 1 parentRef not checked",
            "[HTTPRoute] services not in this snapshot: 1 backendRef not checked",
        ], notes);
    }

    [Fact]
    public void Route_in_a_snapshot_with_gateways_and_services_reports_both_missing_references_without_notes()
    {
        const string unrelated = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: other, namespace: shop}
            spec: {gatewayClassName: edge, listeners: [{name: http, port: 80, protocol: HTTP}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: other, namespace: shop}
            spec: {ports: [{port: 80}]}
            """;

        var (findings, notes) = NotChecked.Run(new HttpRouteAnalyzer(), Route + unrelated);

        Assert.Equal(["HTTPRouteGatewayNotFound", "HTTPRouteServiceNotFound"], ReadStates.Codes(findings));
        Assert.Empty(notes);
    }

    [Fact]
    public void Route_notes_unread_reference_grants_and_namespaces()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: pay, namespace: shop}
            spec:
              parentRefs: [{name: edge, namespace: infra}]
              rules:
              - backendRefs: [{name: api, namespace: payments, port: 80}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: infra}
            spec:
              gatewayClassName: edge
              listeners:
              - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {env: prod}}}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: payments}
            spec: {ports: [{port: 80}]}
            """;

        var (findings, notes) = NotChecked.Run(new HttpRouteAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(
        [
            "[HTTPRoute] namespaces not in this snapshot: 1 listener namespace selector not checked",
            "[HTTPRoute] referencegrants.gateway.networking.k8s.io not in this snapshot: 1 cross-namespace backendRef not checked",
        ], notes);
    }

    [Fact]
    public void Gateway_notes_an_unread_GatewayClass()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: infra}
            spec: {gatewayClassName: nginx, listeners: [{name: http, port: 80, protocol: HTTP}]}
            """;

        var (findings, notes) = NotChecked.Run(new GatewayAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(["[Gateway] gatewayclasses.gateway.networking.k8s.io not in this snapshot: 1 gatewayClassName not checked"], notes);
    }

    [Fact]
    public void Route_scanned_in_its_namespace_notes_a_Gateway_in_a_namespace_outside_the_scan()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: shop}
            spec:
              parentRefs: [{name: edge, namespace: infra}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: infra}
            spec: {gatewayClassName: edge, listeners: [{name: http, port: 80, protocol: HTTP}]}
            """;

        var (findings, notes) = NotChecked.Run(new HttpRouteAnalyzer(), yaml, ns: "shop");

        Assert.Empty(findings);
        Assert.Equal(
            ["[HTTPRoute] gateways.gateway.networking.k8s.io in namespace infra were not read (the scan was limited to namespace shop): 1 parentRef not checked"],
            notes);
    }
}
