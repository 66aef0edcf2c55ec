using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class IngressAnalyzerTests
{
    private const string NginxClass = """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: nginx
          uid: 6a1b7a52-6c0e-4a39-8e0f-3e2b5d1f0c11
        spec:
          controller: k8s.io/ingress-nginx
        ---

        """;

    private const string DefaultNginxClass = """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: nginx
          annotations:
            ingressclass.kubernetes.io/is-default-class: "true"
        spec:
          controller: k8s.io/ingress-nginx
        ---

        """;

    private const string WebService = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop, uid: 0b6a3d0e-7d3e-4f53-a2a0-6f1f0a3c9d21}
        spec:
          type: ClusterIP
          clusterIP: 10.96.20.1
          selector: {app: web}
          ports:
          - {name: http, port: 80, protocol: TCP, targetPort: 8080}
        ---

        """;

    private static readonly string s_secretsLoaded = Header(("", "Secret", "secrets", "Loaded"));

    private static string Ingress(string spec, string annotations = "") => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
          uid: 3f0f4c1d-1b7e-4c55-9a0d-0a1c2e3d4f51
          generation: 1
          creationTimestamp: "2026-11-01T10:00:00Z"
        {annotations}
        spec:
        {spec}
        status:
          loadBalancer: {"{}"}
        """;

    private const string RuleToWebHttp = """
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port:
                      name: http
        """;

    [Fact]
    public void Healthy_ingress_with_existing_class_service_port_and_secret_is_not_reported()
    {
        var yaml = NginxClass + WebService + """
            apiVersion: v1
            kind: Secret
            metadata: {name: shop-tls, namespace: shop}
            type: kubernetes.io/tls
            ---

            """ + Ingress("  ingressClassName: nginx\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n" + RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Ingress_without_class_is_reported_when_no_default_class_exists()
    {
        var yaml = NginxClass + WebService + Ingress(RuleToWebHttp);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)).Failures);

        Assert.Equal("IngressClassMissing", failure.Code);
        Assert.Equal("Ingress shop/shop does not specify an Ingress class.", failure.Text);
    }

    [Fact]
    public void Ingress_without_class_is_healthy_when_a_default_class_exists()
    {
        var yaml = DefaultNginxClass + WebService + Ingress(RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Ingress_without_class_is_not_reported_when_ingress_classes_could_not_be_read()
    {
        var yaml = Header(("networking.k8s.io", "IngressClass", "ingressclasses", "Forbidden")) + WebService + Ingress(RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Ingress_with_the_deprecated_class_annotation_is_not_class_less()
    {
        var yaml = NginxClass + WebService + Ingress(RuleToWebHttp, "  annotations:\n    kubernetes.io/ingress.class: traefik");

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Ingress_class_that_does_not_exist_is_reported()
    {
        var yaml = NginxClass + WebService + Ingress("  ingressClassName: haproxy\n" + RuleToWebHttp);

        Assert.Equal(["Ingress uses the ingress class haproxy which does not exist."], Texts(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)));
    }

    [Fact]
    public void Ingress_class_that_could_not_be_read_is_not_reported_as_missing()
    {
        var yaml = Header(("networking.k8s.io", "IngressClass", "ingressclasses", "NotServed")) + WebService + Ingress("  ingressClassName: haproxy\n" + RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Missing_backend_service_in_a_rule_is_reported()
    {
        var yaml = NginxClass + WebService + Ingress("  ingressClassName: nginx\n" + RuleToWebHttp.Replace("name: web", "name: cart", StringComparison.Ordinal));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)).Failures);

        Assert.Equal("IngressServiceNotFound", failure.Code);
        Assert.Equal("Ingress uses the service shop/cart which does not exist.", failure.Text);
        Assert.Equal(["shop", "cart"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Missing_default_backend_service_is_reported()
    {
        var yaml = NginxClass + WebService + Ingress("""
              ingressClassName: nginx
              defaultBackend:
                service:
                  name: fallback
                  port: {number: 80}
            """);

        Assert.Equal(["Ingress uses the service shop/fallback which does not exist."], Texts(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)));
    }

    [Fact]
    public void Backend_services_that_could_not_be_read_are_not_reported_as_missing()
    {
        var yaml = Header(("", "Service", "services", "Forbidden")) + NginxClass + Ingress("  ingressClassName: nginx\n" + RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Backend_port_number_the_service_does_not_expose_is_reported()
    {
        var yaml = NginxClass + WebService + Ingress("  ingressClassName: nginx\n" + RuleToWebHttp.Replace("name: http", "number: 8443", StringComparison.Ordinal));

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)).Failures);

        Assert.Equal("IngressServicePortNotFound", failure.Code);
        Assert.Equal("Ingress uses the port 8443 of service shop/web which does not expose it.", failure.Text);
    }

    [Fact]
    public void Backend_port_name_the_service_does_not_expose_is_reported()
    {
        var yaml = NginxClass + WebService + Ingress("  ingressClassName: nginx\n" + RuleToWebHttp.Replace("name: http", "name: https", StringComparison.Ordinal));

        Assert.Equal(["Ingress uses the port https of service shop/web which does not expose it."], Texts(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)));
    }

    [Fact]
    public void Backend_port_number_the_service_exposes_is_healthy()
    {
        var yaml = NginxClass + WebService + Ingress("  ingressClassName: nginx\n" + RuleToWebHttp.Replace("name: http", "number: 80", StringComparison.Ordinal));

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Backend_port_of_an_external_name_service_is_not_checked()
    {
        var yaml = NginxClass + """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {type: ExternalName, externalName: web.legacy.example.com}
            ---

            """ + Ingress("  ingressClassName: nginx\n" + RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Missing_service_used_by_several_paths_is_reported_once()
    {
        var rules = """
              rules:
              - host: a.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: cart, port: {number: 80}}}}
                  - {path: /api, pathType: Prefix, backend: {service: {name: cart, port: {number: 80}}}}
            """;
        var yaml = NginxClass + WebService + Ingress("  ingressClassName: nginx\n" + rules);

        Assert.Equal(["Ingress uses the service shop/cart which does not exist."], Texts(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)));
    }

    [Fact]
    public void Resource_backends_are_accepted_without_lookups()
    {
        var yaml = NginxClass + Ingress("""
              ingressClassName: nginx
              defaultBackend:
                resource:
                  apiGroup: k8s.example.com
                  kind: StorageBucket
                  name: static-assets
              rules:
              - http:
                  paths:
                  - path: /icons
                    pathType: ImplementationSpecific
                    backend:
                      resource:
                        apiGroup: k8s.example.com
                        kind: StorageBucket
                        name: icon-assets
            """);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Missing_tls_secret_is_reported()
    {
        var yaml = s_secretsLoaded + NginxClass + WebService + Ingress("  ingressClassName: nginx\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n" + RuleToWebHttp);

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml)).Failures);

        Assert.Equal("IngressTlsSecretNotFound", failure.Code);
        Assert.Equal("Ingress uses the secret shop/shop-tls as a TLS certificate which does not exist.", failure.Text);
    }

    [Fact]
    public void Tls_secret_that_is_forbidden_to_read_is_not_reported()
    {
        var yaml = Header(("", "Secret", "secrets", "Forbidden")) + NginxClass + WebService
            + Ingress("  ingressClassName: nginx\n  tls:\n  - secretName: shop-tls\n" + RuleToWebHttp);

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }

    [Fact]
    public void Ingress_with_no_spec_does_not_throw()
    {
        var yaml = DefaultNginxClass + """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: bare, namespace: shop}
            """;

        Assert.Empty(SnapshotFixtures.Analyze(new IngressAnalyzer(), yaml));
    }
}
