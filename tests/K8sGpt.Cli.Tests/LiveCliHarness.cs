using K8sGpt.Cli;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Testing.FakeKubernetes;

namespace K8sGpt.Cli.Tests;

/// <summary>A fake API server, a temp folder with a kubeconfig and a config file, and a way to run the CLI against them.</summary>
public sealed class LiveCliHarness : IAsyncDisposable
{
    private LiveCliHarness(FakeKubernetesServer server, string directory)
    {
        Server = server;
        Directory = directory;
        KubeConfig = server.WriteKubeConfig(directory);
        ConfigPath = Path.Combine(directory, "k8sgpt.yaml");
    }

    public FakeKubernetesServer Server { get; }

    public string Directory { get; }

    public string KubeConfig { get; }

    public string ConfigPath { get; }

    /// <summary>Environment variables the CLI sees besides HOME (none unless a test sets them).</summary>
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    public static async Task<LiveCliHarness> StartAsync(string yaml, bool tls = false)
    {
        var server = await FakeKubernetesServer.StartAsync(tls);
        server.Objects.AddYaml(yaml);
        return new LiveCliHarness(server, System.IO.Directory.CreateTempSubdirectory("k8sgpt-cli-live-").FullName);
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Runs the CLI with <c>--config</c> pointing into the temp folder; no environment but HOME and <see cref="Variables"/>.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new ConsoleIo(output, error, TextReader.Null, name => name == "HOME" ? Directory : Variables.GetValueOrDefault(name), outputIsTerminal: false, errorIsTerminal: false);
        var exit = await CliApp.RunAsync([.. args, "--config", ConfigPath], io);
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
