using System.CommandLine;
using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Infrastructure;

/// <summary>What every command needs: I/O, the global options' values and the config store.</summary>
public sealed class CommandContext(ConsoleIo io, GlobalOptions globals, ParseResult parseResult)
{
    public ConsoleIo Io { get; } = io;

    public ParseResult ParseResult { get; } = parseResult;

    public string ConfigPath => ConfigPaths.Resolve(ParseResult.GetValue(globals.Config), Io.Environment);

    public string? KubeConfig => ParseResult.GetValue(globals.KubeConfig);

    public string? KubeContext => ParseResult.GetValue(globals.KubeContext);

    public bool Verbose => ParseResult.GetValue(globals.Verbose);

    public ConfigStore ConfigStore => new(ConfigPath);
}
