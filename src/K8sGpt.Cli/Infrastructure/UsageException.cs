namespace K8sGpt.Cli.Infrastructure;

/// <summary>The command line asks for something that cannot be done; exit code 1.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
