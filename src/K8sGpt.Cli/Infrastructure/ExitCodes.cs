namespace K8sGpt.Cli.Infrastructure;

/// <summary>Process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>The command ran (problems found or not).</summary>
    public const int Success = 0;

    /// <summary>Bad usage or configuration: unknown flag or value, invalid selector, bad config file.</summary>
    public const int UsageOrConfig = 1;

    /// <summary>The cluster or snapshot could not be read.</summary>
    public const int ClusterUnreadable = 2;

    /// <summary><c>--fail-on-problems</c> was given and problems were found.</summary>
    public const int ProblemsFound = 3;
}
