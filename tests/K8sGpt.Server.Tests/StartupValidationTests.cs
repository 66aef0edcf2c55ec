using System.Net;
using System.Net.Sockets;
using K8sGpt.Server.Tests.Support;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7b: a named default that is not usable stops the start, names what is missing, binds nothing.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("baseurl", "baseurl: the resource endpoint (for example https://my-resource.openai.azure.com) is missing", "--baseurl <url>")]
    [InlineData("engine", "engine: the deployment name (engine) is missing", "--engine <deployment>")]
    [InlineData("password", "password: the API key is missing", "--password <key>")]
    public async Task Serve_with_azureopenai_missing_one_setting_exits_1_naming_it_and_its_fix(string missing, string problem, string fix)
    {
        using var folder = new TempFolder();
        var lines = new Dictionary<string, string>
        {
            ["password"] = "      password: azure-secret-key",
            ["baseurl"] = "      baseurl: http://127.0.0.1:9/",
            ["engine"] = "      engine: deploy",
        };
        lines.Remove(missing);
        var config = folder.Write("k8sgpt.yaml", "ai:\n  providers:\n    - name: azureopenai\n" + string.Join('\n', lines.Values) + "\n");
        var port = FreePort();
        var run = new CliRun(new Dictionary<string, string>());

        var exit = await run.InvokeAsync(CancellationToken.None, "serve", "--config", config, "-b", "azureopenai", "-p", port.ToString(CultureInfoInvariant), "-m", "0");

        Assert.Equal(1, exit);
        Assert.Contains("Error: k8sgpt serve cannot start: the default AI backend \"azureopenai\" is not usable (Invalid):", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("fix: k8sgpt auth update --backend azureopenai " + fix, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-secret-key", run.Stderr + run.Logs.All, StringComparison.Ordinal);
        AssertPortFree(port);
    }

    [Fact]
    public async Task Serve_with_a_default_backend_that_is_not_configured_exits_1_with_the_configured_ones_and_the_fix()
    {
        using var folder = new TempFolder();
        var config = folder.Write("k8sgpt.yaml", "ai:\n  providers:\n    - name: openai\n      password: k\n");
        var run = new CliRun(new Dictionary<string, string>());

        var exit = await run.InvokeAsync(CancellationToken.None, "serve", "--config", config, "-b", "azureopenai", "-p", "0", "-m", "0");

        Assert.Equal(1, exit);
        Assert.Contains("the AI backend \"azureopenai\" is not configured (configured backends: openai)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("fix: k8sgpt auth add --backend azureopenai", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_azureopenai_from_environment_without_engine_exits_1_naming_engine()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["K8SGPT_BACKEND"] = "azureopenai",
            ["K8SGPT_PASSWORD"] = "env-secret-key",
            ["K8SGPT_BASEURL"] = "http://127.0.0.1:9/",
        };
        var run = new CliRun(environment);

        var exit = await run.InvokeAsync(CancellationToken.None, "serve", "--config", Path.Combine(folder.Path, "none.yaml"), "-p", "0", "-m", "0");

        Assert.Equal(1, exit);
        Assert.Contains("engine: the deployment name (engine) is missing", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("fix: k8sgpt auth update --backend azureopenai --engine <deployment>", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("env-secret-key", run.Stderr + run.Logs.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("K8SGPT_TEMPERATURE", "1.5", "K8SGPT_TEMPERATURE=1.5 is out of range; set it to a value between 0 and 1")]
    [InlineData("K8SGPT_TOP_P", "x", "K8SGPT_TOP_P=\"x\" is not a number; set it to a value between 0 and 1")]
    [InlineData("K8SGPT_TOP_K", "0", "K8SGPT_TOP_K=0 is out of range; set it to a value between 1 and 100")]
    [InlineData("K8SGPT_MAX_TOKENS", "many", "K8SGPT_MAX_TOKENS=\"many\" is not a whole number")]
    public async Task Serve_with_an_environment_value_out_of_range_exits_1_naming_the_variable(string variable, string value, string message)
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string> { ["K8SGPT_BACKEND"] = "openai", ["K8SGPT_PASSWORD"] = "k", [variable] = value };
        var run = new CliRun(environment);

        var exit = await run.InvokeAsync(CancellationToken.None, "serve", "--config", Path.Combine(folder.Path, "none.yaml"), "-p", "0", "-m", "0");

        Assert.Equal(1, exit);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_MCP_asked_for_exits_1_saying_it_is_not_available_yet()
    {
        using var folder = new TempFolder();
        var run = new CliRun(new Dictionary<string, string>());

        var exit = await run.InvokeAsync(CancellationToken.None, "serve", "--config", Path.Combine(folder.Path, "none.yaml"), "--mcp", "-p", "0", "-m", "0");

        Assert.Equal(1, exit);
        Assert.Contains("MCP is not available in this build yet", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_non_default_provider_does_not_stop_the_start_and_is_logged_as_a_warning()
    {
        await using var server = await ServerHarness.StartAsync("ai:\n  providers:\n    - name: azureopenai\n      password: k\n");

        var health = await server.Http.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(server.Logs.Lines, l => l.StartsWith("Warning: backend azureopenai is Invalid and will refuse requests: baseurl:", StringComparison.Ordinal));
    }

    private static readonly IFormatProvider CultureInfoInvariant = System.Globalization.CultureInfo.InvariantCulture;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AssertPortFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Any, port);
        listener.Start();
        listener.Stop();
    }
}
