using K8sGpt.Core.Analyzers;

namespace K8sGpt.Core.Tests.Analyzers;

/// <summary>
/// Analyzers that follow references to other objects (Ingress backends, webhook Services, RBAC roles) say which
/// references they could not follow because the type was not read, and never report them as missing.
/// </summary>
public sealed class ReferenceLookupNoteTests
{
    [Fact]
    public void Ingress_notes_its_unread_class_backends_and_TLS_secret()
    {
        const string yaml = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              ingressClassName: nginx
              tls: [{secretName: shop-tls}]
              rules:
              - http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: frontend, port: {number: 80}}}}
                  - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: classless, namespace: shop}
            spec: {}
            """;

        var (findings, notes) = NotChecked.Run(new IngressAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(
        [
            "[Ingress] ingressclasses.networking.k8s.io not in this snapshot: 1 ingressClassName, 1 class-less Ingress not checked",
            "[Ingress] secrets not in this snapshot: 1 TLS secretName not checked",
            "[Ingress] services not in this snapshot: 2 backends not checked",
        ], notes);
    }

    private const string Webhook = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: policy}
        webhooks:
        - name: check.example.com
          clientConfig: {service: {name: policy, namespace: infra}}
          sideEffects: None
          admissionReviewVersions: [v1]
        ---

        """;

    [Fact]
    public void Webhook_notes_an_unread_Service()
    {
        var (findings, notes) = NotChecked.Run(new ValidatingWebhookAnalyzer(), Webhook);

        Assert.Empty(findings);
        Assert.Equal(["[ValidatingWebhookConfiguration] services not in this snapshot: 1 webhook service not checked"], notes);
    }

    [Fact]
    public void Webhook_notes_the_unread_pods_behind_its_Service()
    {
        const string service = """
            apiVersion: v1
            kind: Service
            metadata: {name: policy, namespace: infra}
            spec: {selector: {app: policy}, ports: [{port: 443}]}
            """;

        var (findings, notes) = NotChecked.Run(new ValidatingWebhookAnalyzer(), Webhook + service);

        Assert.Empty(findings);
        Assert.Equal(["[ValidatingWebhookConfiguration] pods not in this snapshot: 1 webhook service's pods not checked"], notes);
    }

    [Fact]
    public void Security_notes_roles_and_cluster_role_bindings_it_could_not_read()
    {
        const string yaml = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ops, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ops}
            subjects: [{kind: User, name: alice}]
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: deployer, namespace: shop}
            """;

        var (findings, notes) = NotChecked.Run(new SecurityAnalyzer(), yaml);

        Assert.Empty(findings);
        Assert.Equal(
        [
            "[Security] clusterrolebindings.rbac.authorization.k8s.io not in this snapshot: 1 ServiceAccount not checked",
            "[Security] roles.rbac.authorization.k8s.io not in this snapshot: 1 roleRef not checked",
        ], notes);
    }
}
