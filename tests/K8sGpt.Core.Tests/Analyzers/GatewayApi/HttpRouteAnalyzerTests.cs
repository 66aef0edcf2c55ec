using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers.GatewayApi;

public sealed class HttpRouteAnalyzerTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: infra, labels: {kubernetes.io/metadata.name: infra}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {kubernetes.io/metadata.name: shop, env: prod}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: lab, labels: {kubernetes.io/metadata.name: lab, env: dev}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: payments, labels: {kubernetes.io/metadata.name: payments}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: infra}
        spec:
          gatewayClassName: edge
          listeners:
          - name: same
            port: 80
            protocol: HTTP
            allowedRoutes: {namespaces: {from: Same}}
          - name: selected
            port: 8080
            protocol: HTTP
            allowedRoutes:
              namespaces:
                from: Selector
                selector:
                  matchExpressions:
                  - {key: env, operator: In, values: [prod, staging]}
          - name: bare
            port: 8081
            protocol: HTTP
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: open, namespace: infra}
        spec:
          gatewayClassName: edge
          listeners:
          - {name: all, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: empty, namespace: infra}
        spec: {gatewayClassName: edge}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          ports: [{name: http, port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: payments}
        spec:
          ports: [{name: http, port: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: lab}
        spec:
          ports: [{name: http, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: shop-routes, namespace: payments}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
          to: [{group: "", kind: Service, name: api}]
        ---

        """;

    private static string Route(string ns, string parentRefs, string backendRefs = "[{name: web, port: 80}]", string status = "{}", string labels = "{}") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {"{"}name: store, namespace: {ns}, labels: {labels}{"}"}
        spec:
          parentRefs: {parentRefs}
          rules:
          - backendRefs: {backendRefs}
        status: {status}
        ---

        """;

    private static IReadOnlyList<string> Analyze(string route, string cluster = Cluster) =>
        Texts(SnapshotFixtures.Analyze(new HttpRouteAnalyzer(), cluster + route));

    [Fact]
    public void Parent_Gateway_that_does_not_exist_is_reported_in_the_namespace_the_parentRef_names()
    {
        Assert.Equal(
            ["HTTPRoute uses the Gateway 'infra/gone' which does not exist."],
            Analyze(Route("shop", "[{name: gone, namespace: infra}]")));
    }

    [Fact]
    public void Service_parents_of_mesh_routes_are_not_reported_as_missing_Gateways()
    {
        Assert.Empty(Analyze(Route("shop", "[{group: \"\", kind: Service, name: web}]")));
    }

    [Fact]
    public void Same_namespace_listener_named_by_sectionName_refuses_a_route_from_another_namespace()
    {
        Assert.Equal(
            ["HTTPRoute 'shop/store' is deployed in a different namespace from Gateway 'infra/edge' which only allows HTTPRoutes from its namespace."],
            Analyze(Route("shop", "[{name: edge, namespace: infra, sectionName: same}]")));
    }

    [Fact]
    public void Route_without_sectionName_attaches_when_any_listener_admits_its_namespace()
    {
        Assert.Empty(Analyze(Route("shop", "[{name: edge, namespace: infra}]")));
    }

    [Fact]
    public void SectionName_naming_a_listener_the_Gateway_lacks_is_reported()
    {
        Assert.Equal(
            ["HTTPRoute 'shop/store' references listener 'tls' which Gateway 'infra/edge' does not have."],
            Analyze(Route("shop", "[{name: edge, namespace: infra, sectionName: tls}]")));
    }

    [Fact]
    public void Selector_listener_admits_a_route_whose_namespace_labels_match_its_expressions()
    {
        Assert.Empty(Analyze(Route("shop", "[{name: edge, namespace: infra, sectionName: selected}]")));
    }

    [Fact]
    public void Selector_listener_is_matched_against_the_route_namespace_labels_not_the_route_labels()
    {
        Assert.Equal(
            ["HTTPRoute 'lab/store' can't be attached on Gateway 'infra/edge', the labels of namespace 'lab' do not match the listener's namespace selector."],
            Analyze(Route("lab", "[{name: edge, namespace: infra, sectionName: selected}]", labels: "{env: prod}")));
    }

    [Fact]
    public void Listener_without_allowedRoutes_uses_the_Same_default_and_does_not_crash()
    {
        Assert.Equal(
            ["HTTPRoute 'shop/store' is deployed in a different namespace from Gateway 'infra/edge' which only allows HTTPRoutes from its namespace."],
            Analyze(Route("shop", "[{name: edge, namespace: infra, sectionName: bare}]")));
    }

    [Fact]
    public void Gateway_without_listeners_and_route_without_rules_or_status_are_handled()
    {
        const string bare = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: bare, namespace: shop}
            spec:
              parentRefs: [{name: empty, namespace: infra}]
            """;

        Assert.Empty(Analyze(bare));
    }

    [Fact]
    public void Backend_Service_that_does_not_exist_is_reported()
    {
        Assert.Equal(
            ["HTTPRoute uses the Service 'shop/checkout' which does not exist."],
            Analyze(Route("shop", "[{name: open, namespace: infra}]", "[{name: checkout, port: 80}]")));
    }

    [Fact]
    public void Backends_of_other_kinds_are_not_looked_up_as_Services()
    {
        Assert.Empty(Analyze(Route("shop", "[{name: open, namespace: infra}]", "[{group: example.com, kind: Bucket, name: assets}]")));
    }

    [Fact]
    public void Cross_namespace_backend_allowed_by_a_ReferenceGrant_is_not_reported()
    {
        Assert.Empty(Analyze(Route("shop", "[{name: open, namespace: infra}]", "[{name: api, namespace: payments, port: 8080}]")));
    }

    [Fact]
    public void Cross_namespace_backend_without_a_ReferenceGrant_is_reported_as_not_granted_rather_than_missing()
    {
        Assert.Equal(
            ["HTTPRoute 'lab/store' uses the Service 'payments/api' in another namespace, but no ReferenceGrant in namespace 'payments' allows HTTPRoutes from 'lab'."],
            Analyze(Route("lab", "[{name: open, namespace: infra}]", "[{name: api, namespace: payments, port: 8080}]")));
    }

    [Fact]
    public void Backend_port_the_Service_does_not_expose_is_reported()
    {
        Assert.Equal(
            ["HTTPRoute's backend service 'web' is using port '8080' but the corresponding K8s service 'shop/web' isn't configured with the same port."],
            Analyze(Route("shop", "[{name: open, namespace: infra}]", "[{name: web, port: 8080}]")));
    }

    [Fact]
    public void Parent_status_conditions_that_are_False_are_reported()
    {
        const string status = """
            {parents: [{parentRef: {name: open, namespace: infra}, controllerName: example.com/gateway-controller, conditions: [
                {type: Accepted, status: "True", reason: Accepted, message: ok},
                {type: ResolvedRefs, status: "False", reason: RefNotPermitted, message: backend not permitted}]}]}
            """;

        Assert.Equal(
            ["HTTPRoute 'shop/store' has condition ResolvedRefs=False from parent 'infra/open', reason RefNotPermitted: backend not permitted"],
            Analyze(Route("shop", "[{name: open, namespace: infra}]", status: status)));
    }

    [Fact]
    public void Parent_status_condition_without_reason_or_message_leaves_no_empty_reason()
    {
        const string status = "{parents: [{parentRef: {name: open, namespace: infra}, conditions: [{type: Accepted, status: \"False\"}, {type: ResolvedRefs}]}]}";

        Assert.Equal(
            ["HTTPRoute 'shop/store' has condition Accepted=False from parent 'infra/open'"],
            Analyze(Route("shop", "[{name: open, namespace: infra}]", status: status)));
    }

    [Fact]
    public void Parent_status_failure_marks_the_parent_and_the_backends_the_message_may_quote_sensitive()
    {
        const string status = """
            {parents: [{parentRef: {name: open, namespace: infra}, conditions: [
                {type: ResolvedRefs, status: "False", reason: RefNotPermitted, message: backendRef payments/api is not permitted}]}]}
            """;

        var findings = SnapshotFixtures.Analyze(
            new HttpRouteAnalyzer(),
            Cluster + Route("shop", "[{name: open, namespace: infra}]", "[{name: api, namespace: payments, port: 8080}, {name: web, port: 80}]", status));

        var failure = Assert.Single(Assert.Single(findings).Failures, static f => f.Code == "HTTPRouteResolvedRefsFalse");
        Assert.Equal(["shop", "store", "payments", "api", "web", "infra", "open"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Set_based_label_selector_of_the_run_is_honoured_and_lookups_are_not_filtered()
    {
        var yaml = Cluster
            + Route("shop", "[{name: gone, namespace: infra}]", labels: "{app: store}")
            + Route("lab", "[{name: gone, namespace: infra}]", labels: "{app: lab}");

        var (findings, _) = SnapshotFixtures.Run(new HttpRouteAnalyzer(), SnapshotFixtures.FromYaml(yaml, selector: "app in (store)"));

        Assert.Equal(["shop/store"], findings.Select(static f => f.Name));
    }

    [Fact]
    public void Gateway_outside_the_scanned_namespace_is_not_reported_as_missing()
    {
        var (findings, _) = SnapshotFixtures.Run(new HttpRouteAnalyzer(), SnapshotFixtures.FromYaml(Cluster + Route("shop", "[{name: gone, namespace: infra}]"), ns: "shop"));

        Assert.Empty(findings);
    }

    [Fact]
    public void Unreadable_Services_and_Gateways_are_not_reported_as_missing()
    {
        var unreadable = Header(
            ("", "Service", "services", "Forbidden"),
            ("gateway.networking.k8s.io", "Gateway", "gateways", "Forbidden"));

        Assert.Empty(Analyze(Route("shop", "[{name: gone, namespace: infra}]", "[{name: checkout, port: 80}]"), unreadable));
    }
}
