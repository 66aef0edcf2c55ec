using K8sGpt.Cli;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Cli.Tests;

/// <summary>A throwaway home (config and cache folders) and a way to run the CLI in it, output captured.</summary>
public sealed class ExplainCliHome : IDisposable
{
    private readonly TempDirectory _temp = new();

    public string ConfigFile => _temp.Combine("config", "k8sgpt", "k8sgpt.yaml");

    public string CacheDirectory => _temp.Combine("cache", "k8sgpt");

    /// <summary>Whether the CLI sees stderr as a terminal (progress bar, colours).</summary>
    public bool ErrorIsTerminal { get; set; }

    public string Snapshot => ExplainFixtures.WriteSnapshot(_temp.Combine("snapshot"));

    public async Task<(int Exit, string Out, string Err)> RunAsync(string input, bool inputIsTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _temp.Path,
            ["XDG_CONFIG_HOME"] = _temp.Combine("config"),
            ["XDG_CACHE_HOME"] = _temp.Combine("cache"),
        };
        var io = new ConsoleIo(output, error, reader, name => environment.GetValueOrDefault(name), false, ErrorIsTerminal, inputIsTerminal);
        var exit = await CliApp.RunAsync(args, io);
        return (exit, output.ToString(), error.ToString());
    }

    public Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunAsync("", false, args);

    public void Dispose() => _temp.Dispose();
}
