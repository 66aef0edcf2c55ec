using System.CommandLine;
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

    public Task<CliResult> RunAsync(bool outputIsTerminal, params string[] args) =>
        RunAsync(outputIsTerminal, (io, a) => CliApp.RunAsync(a, io), args);

    /// <summary>Runs a command tree built by the test (for example over a catalog of fake analyzers).</summary>
    public Task<CliResult> RunAsync(Func<ConsoleIo, GlobalOptions, Command> command, params string[] args) =>
        RunAsync(outputIsTerminal: false, (io, a) =>
        {
            var globals = new GlobalOptions();
            var root = new RootCommand("test");
            foreach (var option in globals.All)
            {
                root.Options.Add(option);
            }

            root.Subcommands.Add(command(io, globals));
            return root.Parse(a).InvokeAsync(new InvocationConfiguration { Output = io.Output, Error = io.Error, EnableDefaultExceptionHandler = false });
        }, args);

    private async Task<CliResult> RunAsync(bool outputIsTerminal, Func<ConsoleIo, string[], Task<int>> run, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new ConsoleIo(output, error, TextReader.Null, name => _environment.GetValueOrDefault(name), outputIsTerminal, errorIsTerminal: outputIsTerminal);
        var exit = await run(io, args);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
