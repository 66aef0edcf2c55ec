namespace K8sGpt.Cli.Commands;

/// <summary>A one-line progress bar on stderr (only created when stderr is a terminal).</summary>
public sealed class ExplainProgress(TextWriter error, int total) : IProgress<int>
{
    private const int Width = 30;
    private readonly Lock _gate = new();

    public void Report(int value)
    {
        lock (_gate)
        {
            var filled = total == 0 ? Width : Width * Math.Min(value, total) / total;
            error.Write($"\rExplaining [{new string('#', filled)}{new string('-', Width - filled)}] {value}/{total}");
            error.Flush();
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            error.Write($"\r{new string(' ', Width + 30)}\r");
            error.Flush();
        }
    }
}
