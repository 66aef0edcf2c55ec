using System.Text.Json;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// The Gateway API and OLM analyzers on the bundled example (examples/broken-cluster/optional-crds.yaml): one of each
/// kind of problem, exactly as listed in EXPECTED.md, and none of the healthy look-alikes beside them.
/// </summary>
public sealed class ExampleOptionalCrdTests
{
    private const string Filters = "GatewayClass,Gateway,HTTPRoute,ClusterCatalog,ClusterExtension,ClusterServiceVersion,Subscription,InstallPlan,CatalogSource,OperatorGroup";

    private static readonly (string Kind, string Name, string[] Texts)[] s_expected =
    [
        ("CatalogSource", "olm/community-operators", ["connectionState=TRANSIENT_FAILURE (address=community-operators.olm.svc:50051)"]),
        ("ClusterCatalog", "mirror-catalog", ["mirror-catalog has error: status.resolvedSource.image.ref must end with @sha256:<digest>"]),
        ("ClusterCatalog", "platform-catalog",
        [
            "platform-catalog has error: invalid image ref format in spec.source.image.ref: registry.example.com/Platform/catalog:v1",
            "OLMv1 ClusterCatalog: platform-catalog has condition of type Progressing, reason Retrying: error parsing image reference: repository name must be lowercase",
            "OLMv1 ClusterCatalog: platform-catalog has condition of type Serving, reason Unavailable: Catalog has not been unpacked yet",
        ]),
        ("ClusterExtension", "cert-manager",
        [
            "OLMv1 ClusterExtension: cert-manager has condition of type Installed, reason Failed: no bundles found for package \"cert-manager\" matching version \">=1.16.0\"",
            "OLMv1 ClusterExtension: cert-manager has condition of type Progressing, reason Retrying: error upgrading from currently installed version: no bundles found",
        ]),
        ("ClusterServiceVersion", "operators/etcdoperator.v0.9.4-clusterwide", ["phase=\"Failed\": InstallCheckFailed: install timeout: deployment etcd-operator not available"]),
        ("Gateway", "gateway-infra/legacy-gateway", ["Gateway uses the GatewayClass nginx-classic which does not exist."]),
        ("Gateway", "gateway-infra/partner-gateway",
        [
            "Gateway 'gateway-infra/partner-gateway' has condition Programmed=False, reason Invalid: no valid listeners",
            "Gateway 'gateway-infra/partner-gateway' listener 'https' has condition ResolvedRefs=False, reason InvalidCertificateRef: Secret gateway-infra/partner-tls does not exist",
        ]),
        ("GatewayClass", "internal-lb", ["GatewayClass 'internal-lb' with a controller name 'example.net/lb-controller' is not accepted. Message: 'ConfigMap gateway-infra/internal-lb-params not found'."]),
        ("HTTPRoute", "payments/checkout", ["HTTPRoute 'payments/checkout' can't be attached on Gateway 'gateway-infra/shop-gateway', the labels of namespace 'payments' do not match the listener's namespace selector."]),
        ("HTTPRoute", "shop/blog", ["HTTPRoute uses the Gateway 'gateway-infra/blog-gateway' which does not exist."]),
        ("HTTPRoute", "shop/pay",
        [
            "HTTPRoute 'shop/pay' uses the Service 'payments/payments-api' in another namespace, but no ReferenceGrant in namespace 'payments' allows HTTPRoutes from 'shop'.",
            "HTTPRoute 'shop/pay' has condition ResolvedRefs=False from parent 'gateway-infra/shop-gateway', reason RefNotPermitted: backendRef payments/payments-api is not permitted by any ReferenceGrant",
        ]),
        ("HTTPRoute", "shop/promotions",
        [
            "HTTPRoute uses the Service 'shop/deals' which does not exist.",
            "HTTPRoute's backend service 'frontend' is using port '8080' but the corresponding K8s service 'shop/frontend' isn't configured with the same port.",
        ]),
        ("HTTPRoute", "shop/shop-admin", ["HTTPRoute 'shop/shop-admin' is deployed in a different namespace from Gateway 'gateway-infra/shop-gateway' which only allows HTTPRoutes from its namespace."]),
        ("InstallPlan", "operators/install-etcd-7x2kq", ["phase=\"Failed\": InstallComponentFailed: error creating clusterrole etcd-operator: clusterroles.rbac.authorization.k8s.io is forbidden"]),
        ("OperatorGroup", "team-a", ["2 OperatorGroups in namespace (team-a, team-a-extra); this can break CSV resolution"]),
        ("OperatorGroup", "team-b", ["no OperatorGroup in namespace, so OLM will not install its Subscriptions (redis)"]),
        ("Subscription", "operators/etcd", ["state=\"AtLatestKnown\": ResolutionFailed=True: ConstraintsNotSatisfiable: constraints not satisfiable: no operators found in channel clusterwide-beta of package etcd"]),
    ];

    private static readonly string[] s_healthyLookAlikes =
    [
        "public-lb", "gateway-infra/shop-gateway", "shop/storefront", "shop/frontend-canary", "shop/dashboards",
        "olm/operatorhubio-catalog", "olm/partner-catalog", "operators", "operators/prometheus", "team-b/redis",
        "operators/install-prometheus-9p4lm", "team-b/etcdoperator.v0.9.4-clusterwide", "operators/prometheusoperator.0.65.1",
        "operatorhubio", "legacy-catalog", "argocd",
    ];

    [Fact]
    public async Task Optional_custom_resource_analyzers_report_exactly_the_expected_problems()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "--filter", Filters, "-o", "json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("errors").ValueKind);
        var actual = root.GetProperty("results").EnumerateArray()
            .Select(static r => (
                r.GetProperty("kind").GetString()!,
                r.GetProperty("name").GetString()!,
                r.GetProperty("error").EnumerateArray().Select(static e => e.GetProperty("Text").GetString()!).ToArray()))
            .ToArray();
        Assert.Equal(s_expected.Select(static e => (e.Kind, e.Name)), actual.Select(static a => (a.Item1, a.Item2)));
        Assert.All(s_expected.Zip(actual), pair => Assert.Equal(pair.First.Texts, pair.Second.Item3));
    }

    [Fact]
    public async Task Healthy_custom_resource_look_alikes_are_not_reported()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "--filter", Filters, "-o", "json");

        using var document = JsonDocument.Parse(result.Out);
        var names = document.RootElement.GetProperty("results").EnumerateArray().Select(static r => r.GetProperty("name").GetString()).ToHashSet();
        Assert.All(s_healthyLookAlikes, name => Assert.DoesNotContain(name, names));
    }

    [Theory]
    [InlineData("team-a")]
    [InlineData("team-b")]
    public async Task A_namespace_scan_keeps_the_OperatorGroup_result_of_that_namespace(string ns)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", ExamplePath, "-n", ns, "--filter", "OperatorGroup", "-o", "json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        var names = document.RootElement.GetProperty("results").EnumerateArray().Select(static r => r.GetProperty("name").GetString());
        Assert.Equal([ns], names);
    }

    /// <summary>The repository's examples folder, found by walking up from the test binaries to the solution.</summary>
    private static string ExamplePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8sGpt.slnx")))
            {
                directory = directory.Parent;
            }

            return directory is null
                ? throw new InvalidOperationException("K8sGpt.slnx not found above " + AppContext.BaseDirectory)
                : Path.Combine(directory.FullName, "examples", "broken-cluster");
        }
    }
}
