using K8sGpt.Core.Integrations;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.FakeAi;
using K8sGpt.Kubernetes.Live.Eks;
using K8sGpt.Testing.FakeAws;

namespace K8sGpt.Kubernetes.Tests.Live.Eks;

/// <summary>
/// Bad AWS settings and credential sources: each is a reason EKS was not read, in words that never quote a secret,
/// and never an exception that ends the run (a dump reads EKS whether asked or not).
/// </summary>
public sealed class EksSettingsFaultTests
{
    private const string Secret = "TopSecretValue+123/abc";

    private static async Task<ResourceReadStatus> StatusAsync(EksLiveCluster cluster, TimeSpan? timeout, params (string Name, string? Value)[] environment) =>
        (await cluster.LoadAsync(cluster.Environment(environment), timeout)).StatusOf(IntegrationResources.EksClusterHealth);

    private static async Task<string> CredentialsFileAsync(TempDirectory home, string text)
    {
        var path = Path.Combine(home.Path, "credentials");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task Malformed_credentials_file_names_the_line_but_never_prints_it()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        using var home = new TempDirectory();
        var file = await CredentialsFileAsync(home, $"[platform]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key: {Secret}\n");

        var status = await StatusAsync(cluster, null, ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SHARED_CREDENTIALS_FILE", file), ("AWS_PROFILE", "platform"));

        Assert.Equal(ReadState.NotServed, status.State);
        Assert.Contains("the AWS shared credentials/config files are malformed at line 3", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, status.Detail, StringComparison.Ordinal);
        Assert.Empty(cluster.Eks.Requests);
    }

    [Fact]
    public async Task Credential_process_that_prints_garbage_is_described_without_its_output()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        using var home = new TempDirectory();
        var file = await CredentialsFileAsync(home, $"[platform]\ncredential_process = /bin/echo {Secret}\n");

        var status = await StatusAsync(cluster, null, ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SHARED_CREDENTIALS_FILE", file), ("AWS_PROFILE", "platform"));

        Assert.Equal(ReadState.NotServed, status.State);
        Assert.Contains("credential_process of profile platform", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_process_that_never_returns_ends_at_the_timeout()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        using var home = new TempDirectory();
        var file = await CredentialsFileAsync(home, "[platform]\ncredential_process = /bin/sleep 20\n");

        var status = await StatusAsync(cluster, TimeSpan.FromSeconds(1), ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("AWS_SHARED_CREDENTIALS_FILE", file), ("AWS_PROFILE", "platform"));

        Assert.Equal(ReadState.NotServed, status.State);
        Assert.Contains("did not finish in time", status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:18450")]
    [InlineData("file:///etc/passwd")]
    [InlineData("unix:/tmp/x")]
    [InlineData("ftp://user:hunter2@127.0.0.1:18450")]
    public async Task Endpoint_override_that_is_not_http_is_named_with_its_password_removed(string endpoint)
    {
        await using var cluster = await EksLiveCluster.StartAsync();

        var status = await StatusAsync(cluster, null, ("AWS_ENDPOINT_URL_EKS", endpoint));

        Assert.Equal(ReadState.NotServed, status.State);
        Assert.StartsWith("AWS_ENDPOINT_URL_EKS=\"", status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("\" is not an http or https URL", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://user:hunter2@127.0.0.1:1/x", "http://127.0.0.1:1/x")]
    [InlineData("http://u:p@ss/w0rd@127.0.0.1:1", "http://127.0.0.1:1")]
    [InlineData("cannot reach http://u:hunter2@h:1/: refused", "cannot reach http://h:1/: refused")]
    [InlineData("https://eks.us-west-2.amazonaws.com/", "https://eks.us-west-2.amazonaws.com/")]
    public void Urls_are_printed_without_user_and_password(string text, string expected) =>
        Assert.Equal(expected, AwsNames.Redact(text));

    [Fact]
    public async Task Unreachable_proxy_is_reported_without_its_password()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        using var refused = new RefusedPort();

        var status = await StatusAsync(cluster, null, ("AWS_ENDPOINT_URL_EKS", $"http://user:hunter2@127.0.0.1:{refused.Port}/"));

        Assert.Equal(ReadState.Failed, status.State);
        Assert.Contains($"cannot reach http://127.0.0.1:{refused.Port}/", status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.com/x?")]
    [InlineData("bad region!")]
    [InlineData("us-west-2\n")]
    public async Task Region_that_is_not_an_aws_region_name_is_a_note(string region)
    {
        await using var cluster = await EksLiveCluster.StartAsync(context: "kind-dev");

        var status = await StatusAsync(cluster, null, (EksTarget.ClusterVariable, "prod"), ("AWS_REGION", region));

        Assert.Equal(ReadState.NotServed, status.State);
        Assert.StartsWith("K8SGPT_EKS_CLUSTER=prod shows an EKS cluster, but its region \"", status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("\" is not an AWS region name", status.Detail, StringComparison.Ordinal);
        Assert.Empty(cluster.Eks.Requests);
    }

    [Fact]
    public async Task A_paginator_that_repeats_its_token_stops_with_an_error_and_no_duplicates()
    {
        await using var cluster = await EksLiveCluster.StartAsync();
        cluster.Eks.AddCluster("prod");
        cluster.Eks.AddNodeGroup("prod", "gpu", "DEGRADED");
        cluster.Eks.RepeatNextToken = true;

        var snapshot = await cluster.LoadAsync(cluster.Environment());
        var health = Core.Integrations.Aws.EksClusterHealth.FromObject(snapshot.AllUnstructured(IntegrationResources.EksClusterHealth).Single(), out _);

        Assert.Empty(health.NodeGroups);
        Assert.Contains("managed node groups not checked: eks:ListNodegroups answered the same nextToken twice: the list was not read to its end", health.Unread);
        Assert.Equal(2, cluster.Eks.Requests.Count(static r => r.Action == "eks:ListNodegroups"));
    }
}
