using K8sGpt.Core.Analyzers;
using K8sGpt.Testing.Fixtures;
using static K8sGpt.Core.Tests.Analyzers.ReadStates;

namespace K8sGpt.Core.Tests.Analyzers.Olm;

[Collection(ConsoleCapture.Name)]
public sealed class OlmV1AnalyzerTests
{
    private const string Digest = "sha256:5f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";

    private static string Catalog(string spec, string status = "{}") => $"""
        apiVersion: olm.operatorframework.io/v1
        kind: ClusterCatalog
        metadata: {"{"}name: operatorhubio{"}"}
        spec: {spec}
        status: {status}
        """;

    private static string ImageSpec(string reference, string extra = "") =>
        $"{{source: {{type: Image, image: {{ref: \"{reference}\"}}}}{extra}}}";

    private static string Serving(string status, string reason, string resolved = "") =>
        $"{{{resolved}conditions: [{{type: Serving, status: \"{status}\", reason: {reason}, message: catalog contents {reason}}}, {{type: Progressing, status: \"True\", reason: Succeeded, message: ok}}]}}";

    private static string Extension(string spec, string conditions = "[]") => $"""
        apiVersion: olm.operatorframework.io/v1
        kind: ClusterExtension
        metadata: {"{"}name: argocd{"}"}
        spec: {spec}
        status: {"{"}conditions: {conditions}{"}"}
        """;

    [Theory]
    [InlineData("quay.io/operatorhubio/catalog:latest")]
    [InlineData("registry.example.com:5000/ns/img__x:1")]
    [InlineData("localhost/catalog@" + Digest)]
    [InlineData("catalog")]
    [InlineData("registry.example.com/a--b/c.d_e:v1.2-rc_1")]
    public void Valid_OCI_references_are_accepted(string reference)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec(reference))));
    }

    [Theory]
    [InlineData("quay.io/OperatorHub/catalog:latest")]
    [InlineData("quay.io/ns/img___x:1")]
    [InlineData("quay.io/ns/img:")]
    [InlineData("quay.io//img")]
    public void Invalid_OCI_references_are_reported(string reference)
    {
        Assert.Equal(
            [$"operatorhubio has error: invalid image ref format in spec.source.image.ref: {reference}"],
            Texts(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec(reference)))));
    }

    [Fact]
    public void Catalog_without_an_image_source_or_status_is_handled()
    {
        Assert.Empty(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog("{source: {type: Git}}")));
    }

    [Fact]
    public void Resolved_source_without_a_digest_is_reported_and_an_unresolved_catalog_is_not()
    {
        var resolved = "resolvedSource: {type: Image, image: {ref: \"quay.io/operatorhubio/catalog:latest\"}}, ";

        Assert.Equal(
            ["operatorhubio has error: status.resolvedSource.image.ref must end with @sha256:<digest>"],
            Texts(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec("quay.io/operatorhubio/catalog:latest"), Serving("True", "Available", resolved)))));
        Assert.Empty(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec("quay.io/operatorhubio/catalog:latest"), Serving("True", "Available"))));
    }

    [Fact]
    public void Catalog_that_is_not_serving_is_reported()
    {
        Assert.Equal(
            ["OLMv1 ClusterCatalog: operatorhubio has condition of type Serving, reason Unavailable: catalog contents Unavailable"],
            Texts(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec("quay.io/operatorhubio/catalog:latest"), Serving("False", "Unavailable")))));
    }

    [Fact]
    public void Catalog_made_Unavailable_on_purpose_is_not_reported_for_not_serving()
    {
        var spec = ImageSpec("quay.io/operatorhubio/catalog:latest", ", availabilityMode: Unavailable");

        Assert.Empty(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(spec, Serving("False", "UserSpecifiedUnavailable"))));
    }

    [Fact]
    public void Extension_without_upgradeConstraintPolicy_is_not_reported_because_the_CRD_defaults_it()
    {
        const string conditions = "[{type: Installed, status: \"True\", reason: Succeeded, message: ok}, {type: Progressing, status: \"True\", reason: Succeeded, message: ok}]";

        Assert.Empty(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension("{namespace: argocd, source: {sourceType: Catalog, catalog: {packageName: argocd-operator}}}", conditions)));
    }

    [Fact]
    public void Extension_without_a_source_is_reported_without_crashing()
    {
        Assert.Equal(
            ["argocd has error: invalid or missing spec.source.sourceType (expecting 'Catalog')"],
            Texts(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension("{namespace: argocd}"))));
    }

    [Fact]
    public void Extension_not_installed_and_retrying_is_reported_for_both_conditions()
    {
        const string conditions = """
            [{type: Installed, status: "False", reason: Failed, message: "no bundles found for package argocd-operator"},
             {type: Progressing, status: "True", reason: Retrying, message: "resolution failed"}]
            """;

        Assert.Equal(
        [
            "OLMv1 ClusterExtension: argocd has condition of type Installed, reason Failed: no bundles found for package argocd-operator",
            "OLMv1 ClusterExtension: argocd has condition of type Progressing, reason Retrying: resolution failed",
        ], Texts(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension("{namespace: argocd, source: {sourceType: Catalog, catalog: {packageName: argocd-operator, upgradeConstraintPolicy: CatalogProvided}}}", conditions))));
    }

    [Theory]
    [InlineData("[{type: Installed}]")]
    [InlineData("[{type: Installed, status: \"Unknown\", reason: Pending}]")]
    [InlineData("[{type: Installed, status: \"True\"}]")]
    public void Extension_whose_Installed_condition_is_not_explicitly_False_is_not_reported(string conditions)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension("{source: {sourceType: Catalog, catalog: {packageName: argocd-operator}}}", conditions)));
    }

    [Fact]
    public void Extension_with_Installed_False_and_no_reason_or_message_is_reported_without_an_empty_reason()
    {
        Assert.Equal(
            ["OLMv1 ClusterExtension: argocd has condition of type Installed"],
            Texts(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension("{source: {sourceType: Catalog, catalog: {packageName: argocd-operator}}}", "[{type: Installed, status: \"False\"}]"))));
    }

    [Theory]
    [InlineData("{conditions: [{type: Serving}]}")]
    [InlineData("{conditions: [{type: Serving, status: \"Unknown\"}]}")]
    public void Catalog_whose_Serving_condition_is_not_explicitly_False_is_not_reported(string status)
    {
        Assert.Empty(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec("quay.io/operatorhubio/catalog:latest"), status)));
    }

    [Fact]
    public void Catalog_not_serving_without_a_message_is_reported_with_its_reason_only()
    {
        Assert.Equal(
            ["OLMv1 ClusterCatalog: operatorhubio has condition of type Serving, reason Unavailable"],
            Texts(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec("quay.io/operatorhubio/catalog:latest"), "{conditions: [{type: Serving, status: \"False\", reason: Unavailable}]}"))));
    }

    [Fact]
    public void Extension_with_an_unknown_upgradeConstraintPolicy_is_reported()
    {
        Assert.Equal(
            ["argocd has error: invalid spec.source.catalog.upgradeConstraintPolicy 'Anything' (expecting 'SelfCertified' or 'CatalogProvided')"],
            Texts(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension("{namespace: argocd, source: {sourceType: Catalog, catalog: {packageName: argocd-operator, upgradeConstraintPolicy: Anything}}}"))));
    }

    [Fact]
    public void Catalog_failures_mark_the_image_registry_host_and_path_sensitive()
    {
        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new ClusterCatalogAnalyzer(), Catalog(ImageSpec("registry.example.com/Platform/catalog:v1")))).Failures);

        Assert.Equal(["operatorhubio", "registry.example.com", "Platform", "catalog"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public void Extension_failures_mark_the_package_install_namespace_and_service_account_sensitive()
    {
        var spec = "{namespace: argocd-system, serviceAccount: {name: argocd-installer}, source: {sourceType: Catalog, catalog: {packageName: argocd-operator, upgradeConstraintPolicy: Anything}}}";

        var failure = Assert.Single(Assert.Single(SnapshotFixtures.Analyze(new ClusterExtensionAnalyzer(), Extension(spec))).Failures);

        Assert.Equal(["argocd", "argocd-operator", "argocd-system", "argocd-installer"], failure.Sensitive.Select(static s => s.Unmasked));
    }

    [Fact]
    public async Task OLM_analyzers_print_nothing_to_stdout()
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            var snapshot = SnapshotFixtures.FromYaml(Catalog(ImageSpec("quay.io/ns/img___x:1")) + "\n---\n" + Extension("{namespace: argocd}"));
            var report = await SnapshotFixtures.RunPipelineAsync(snapshot, "ClusterCatalog", "ClusterExtension");
            Assert.Equal(2, report.Results.Count);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal("", captured.ToString());
    }
}
