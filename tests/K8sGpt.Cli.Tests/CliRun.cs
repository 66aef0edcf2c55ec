using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Tests;

/// <summary>Runs the CLI in-process over string writers, with its own config folder, and captures what it printed.</summary>
internal sealed class CliRun : IDisposable
{
    private readonly Dictionary<string, string?> _environment;

    public CliRun(params (string Name, string? Value)[] environment)
    {
        Directory.CreateDirectory(Root);
        _environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = Root,
            ["XDG_CONFIG_HOME"] = Path.Combine(Root, "config"),
        };
        foreach (var (name, value) in environment)
        {
            _environment[name] = value;
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "k8sgpt-cli-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The config file the CLI uses when no <c>--config</c> is given.</summary>
    public string DefaultConfig => Path.Combine(Root, "config", "k8sgpt", "k8sgpt.yaml");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public string WriteConfig(string yaml)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultConfig)!);
        File.WriteAllText(DefaultConfig, yaml);
        return DefaultConfig;
    }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(outputIsTerminal: false, args);

    public async Task<CliResult> RunAsync(bool outputIsTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new ConsoleIo(output, error, TextReader.Null, name => _environment.GetValueOrDefault(name), outputIsTerminal, errorIsTerminal: outputIsTerminal);
        var exit = await CliApp.RunAsync(args, io);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
