namespace K8sGpt.Cli.Tests;

internal sealed record CliResult(int Exit, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n').Select(static l => l.TrimEnd('\r')).ToArray();
}
