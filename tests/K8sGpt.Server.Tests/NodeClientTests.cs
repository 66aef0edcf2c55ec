using System.Text.Json;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>Issue 4 §7g: an independent client (Node grpc-js + proto-loader over our .proto files).</summary>
public sealed class NodeClientTests
{
    private static readonly SemaphoreSlim s_install = new(1, 1);

    [Fact]
    public async Task Node_grpc_js_client_calls_Analyze_Query_ListIntegrations_and_Health_Check()
    {
        await EnsureNodeModulesAsync();
        await using var openAi = await FakeChatServer.AnsweringAsync("hello node");
        var config = $"ai:\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config);

        using var node = new ChildProcess("node", ["client.js", $"127.0.0.1:{server.Running.GrpcPort}", RepoPaths.Protos, "openai"], RepoPaths.NodeClient);
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(exit == 0, "node client failed: " + node.Stderr);
        var line = await node.WaitForLineAsync(static l => l.StartsWith('{'), TimeSpan.FromSeconds(10));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;

        var analyze = root.GetProperty("analyze").GetProperty("response");
        Assert.Equal("ProblemDetected", analyze.GetProperty("status").GetString());
        Assert.Equal(1, analyze.GetProperty("problems").GetInt32());
        Assert.Equal("Deployment/web", analyze.GetProperty("results")[0].GetProperty("parent_object").GetString());
        Assert.Equal("shop/web-7f9-abcde", analyze.GetProperty("results")[0].GetProperty("name").GetString());
        Assert.Equal("hello node", root.GetProperty("query").GetProperty("response").GetProperty("response").GetString());
        Assert.False(root.GetProperty("list").GetProperty("response").GetProperty("trivy").GetProperty("enabled").GetBoolean());
        Assert.Equal("SERVING", root.GetProperty("health").GetProperty("response").GetProperty("status").GetString());
    }

    /// <summary>Installs the client's packages from the committed lockfile when they are missing.</summary>
    private static async Task EnsureNodeModulesAsync()
    {
        await s_install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(RepoPaths.NodeClient, "node_modules", "@grpc", "grpc-js")))
            {
                return;
            }

            using var npm = new ChildProcess("npm", ["ci", "--no-audit", "--no-fund"], RepoPaths.NodeClient);
            var exit = await npm.WaitForExitAsync(TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, "npm ci failed: " + npm.Stderr);
        }
        finally
        {
            s_install.Release();
        }
    }
}
