using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;

namespace K8sGpt.Core.Tests.Analyzers;

public sealed class SecurityAnalyzerTests
{
    private const string WildcardClusterRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: everything}
        rules:
        - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
        ---

        """;

    private const string ReadOnlyClusterRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: view-pods}
        rules:
        - {apiGroups: [""], resources: [pods], verbs: [get, list]}
        ---

        """;

    private static string RoleBinding(string ns, string name, string roleKind, string role, string subject = "{kind: ServiceAccount, name: ci}") => $$"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: {{name}}, namespace: {{ns}}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: {{roleKind}}, name: {{role}}}
        subjects: [{{subject}}]
        ---

        """;

    private static string ClusterRoleBinding(string name, string role, string subject) => $$"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: {{name}}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {{role}}}
        subjects: [{{subject}}]
        ---

        """;

    private static string Pod(string spec, string ns = "prod", string name = "web") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
        {{spec}}
        status: {phase: Running}
        ---

        """;

    private static IReadOnlyList<string> Texts(string yaml) => ReadStates.Texts(SnapshotFixtures.Analyze(new SecurityAnalyzer(), yaml));

    [Fact]
    public void RoleBinding_to_a_wildcard_ClusterRole_is_resolved_against_cluster_roles_and_reported()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(new SecurityAnalyzer(), WildcardClusterRole + RoleBinding("prod", "ci-admin", "ClusterRole", "everything")));

        Assert.Equal("Security/RoleBinding", finding.Kind);
        Assert.Equal("prod/ci-admin", finding.Name);
        Assert.Equal(
            "RoleBinding prod/ci-admin grants ClusterRole everything with wildcard verbs, resources, apiGroups (*) to ServiceAccount prod/ci",
            Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public void RoleBinding_to_a_namespaced_role_with_wildcard_verbs_is_reported()
    {
        const string role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: deployer, namespace: prod}
            rules:
            - {apiGroups: [apps], resources: [deployments], verbs: ["*"]}
            ---

            """;

        Assert.Equal(
            ["RoleBinding prod/deployer grants Role deployer with wildcard verbs (*) to User alice"],
            Texts(role + RoleBinding("prod", "deployer", "Role", "deployer", "{kind: User, name: alice}")));
    }

    [Fact]
    public void RoleBinding_marks_its_role_and_every_subject_name_and_namespace_sensitive()
    {
        var subjects = "{kind: User, name: contractor@example.com}, {kind: Group, name: ops-team}, {kind: ServiceAccount, name: deployer, namespace: ci}";

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(
            new SecurityAnalyzer(),
            WildcardClusterRole + RoleBinding("prod", "ci-admin", "ClusterRole", "everything", subjects))).Failures);

        Assert.Equal(
            "RoleBinding prod/ci-admin grants ClusterRole everything with wildcard verbs, resources, apiGroups (*) to User contractor@example.com, Group ops-team, ServiceAccount ci/deployer",
            failure.Text);
        Assert.Equal(["prod", "ci-admin", "everything", "contractor@example.com", "ops-team", "deployer", "ci"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void ClusterRoleBinding_marks_its_role_and_a_service_account_subject_with_its_namespace_sensitive()
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(
            new SecurityAnalyzer(),
            WildcardClusterRole + ClusterRoleBinding("ci-cluster-admin", "everything", "{kind: ServiceAccount, name: ci-deployer, namespace: shop}"))).Failures);

        Assert.Equal(["ci-cluster-admin", "everything", "ci-deployer", "shop"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void RoleBinding_to_a_role_without_wildcards_is_healthy()
    {
        Assert.Empty(Texts(ReadOnlyClusterRole + RoleBinding("prod", "viewer", "ClusterRole", "view-pods")));
    }

    [Fact]
    public void RoleBinding_in_a_system_namespace_is_not_reported()
    {
        Assert.Empty(Texts(WildcardClusterRole + RoleBinding("kube-system", "ci-admin", "ClusterRole", "everything")));
    }

    [Fact]
    public void ClusterRoleBinding_of_a_wildcard_role_to_a_service_account_is_reported()
    {
        var finding = Assert.Single(SnapshotFixtures.Analyze(
            new SecurityAnalyzer(),
            WildcardClusterRole + ClusterRoleBinding("ci-cluster-admin", "everything", "{kind: ServiceAccount, name: ci, namespace: prod}")));

        Assert.Equal("Security/ClusterRoleBinding", finding.Kind);
        Assert.Equal(
            "ClusterRoleBinding ci-cluster-admin grants ClusterRole everything with wildcard verbs, resources, apiGroups (*) cluster-wide to ServiceAccount prod/ci",
            Assert.Single(finding.Failures).Text);
    }

    [Fact]
    public void Control_plane_bindings_are_not_reported()
    {
        var yaml = WildcardClusterRole
            + ClusterRoleBinding("cluster-admin", "everything", "{kind: Group, name: \"system:masters\"}")
            + ClusterRoleBinding("system:controller:thing", "everything", "{kind: User, name: bob}")
            + ClusterRoleBinding("addon", "everything", "{kind: ServiceAccount, name: coredns, namespace: kube-system}");

        Assert.Empty(Texts(yaml));
    }

    [Fact]
    public void Service_account_with_cluster_wide_wildcard_rights_mounted_in_a_pod_is_reported()
    {
        const string account = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: ci, namespace: prod}
            ---

            """;
        var yaml = WildcardClusterRole + account
            + ClusterRoleBinding("ci-cluster-admin", "everything", "{kind: ServiceAccount, name: ci, namespace: prod}")
            + Pod("  serviceAccountName: ci\n  containers: [{name: runner, image: ci:1}]", name: "runner");

        var texts = Texts(yaml);

        Assert.Contains(
            "ServiceAccount prod/ci holds cluster-wide wildcard permissions (ClusterRole everything via ClusterRoleBinding ci-cluster-admin) and its token is mounted in pod(s) runner",
            texts);
        var mounted = SnapshotFixtures.Analyze(new SecurityAnalyzer(), yaml).SelectMany(static f => f.Failures).Single(static f => f.Code == "SecurityPrivilegedServiceAccountMounted");
        Assert.Equal(["prod", "ci", "everything", "ci-cluster-admin", "runner"], mounted.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Pod_using_the_default_service_account_is_not_reported()
    {
        const string account = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: default, namespace: prod}
            ---

            """;

        Assert.Empty(Texts(account + Pod("  serviceAccountName: default\n  containers: [{name: web, image: web:1}]")));
    }

    [Fact]
    public void Privileged_init_container_is_reported()
    {
        const string spec = """
              initContainers: [{name: setup, image: setup:1, securityContext: {privileged: true}}]
              containers: [{name: web, image: web:1}]
            """;

        var finding = Assert.Single(SnapshotFixtures.Analyze(new SecurityAnalyzer(), Pod(spec)));
        Assert.Equal("Security/Pod", finding.Kind);
        Assert.Equal("prod/web", finding.Name);
        var failure = Assert.Single(finding.Failures);
        Assert.Equal("Init container setup in pod prod/web runs privileged", failure.Text);
        Assert.Equal(["prod", "web", "setup"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Host_namespaces_host_path_capabilities_and_privilege_escalation_are_each_reported()
    {
        const string spec = """
              hostNetwork: true
              hostPID: true
              volumes: [{name: docker, hostPath: {path: /var/run/docker.sock}}]
              containers:
              - name: web
                image: web:1
                securityContext:
                  allowPrivilegeEscalation: true
                  capabilities: {add: [NET_ADMIN, CHOWN, SYS_ADMIN]}
            """;

        Assert.Equal(
            [
                "Pod prod/web shares the node's namespaces (hostNetwork, hostPID)",
                "Pod prod/web mounts hostPath volume(s) docker (/var/run/docker.sock)",
                "Container web in pod prod/web allows privilege escalation",
                "Container web in pod prod/web adds capabilities NET_ADMIN, SYS_ADMIN",
            ],
            Texts(Pod(spec)));
    }

    [Fact]
    public void Host_path_volume_names_are_sensitive()
    {
        const string spec = """
              volumes: [{name: docker-socket, hostPath: {path: /var/run/docker.sock}}]
              containers: [{name: web, image: web:1}]
            """;

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new SecurityAnalyzer(), Pod(spec))).Failures);

        Assert.Equal(["prod", "web", "docker-socket"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Hardened_pod_is_healthy()
    {
        const string spec = """
              securityContext: {runAsNonRoot: true}
              containers:
              - name: web
                image: web:1
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
            """;

        Assert.Empty(Texts(Pod(spec)));
    }

    [Fact]
    public void Privileged_pod_in_kube_system_is_not_reported()
    {
        const string spec = """
              hostNetwork: true
              containers: [{name: proxy, image: kube-proxy:1, securityContext: {privileged: true}}]
            """;

        Assert.Empty(Texts(Pod(spec, ns: "kube-system", name: "kube-proxy-abc")));
    }
}
