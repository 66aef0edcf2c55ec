using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;
using K8sGpt.Core.Selection;

namespace K8sGpt.Cli.Infrastructure;

/// <summary>Maps the errors commands can meet to one message on stderr and an exit code, in one place.</summary>
public static class CliErrors
{
    public static int Handle(Exception exception, ConsoleIo io)
    {
        var (code, message) = exception switch
        {
            ClusterAccessException e => (ExitCodes.ClusterUnreadable, e.Message),
            NamespaceNotFoundException e => (ExitCodes.UsageOrConfig, e.Message),
            LabelSelectorParseException e => (ExitCodes.UsageOrConfig, e.Message),
            ConfigException e => (ExitCodes.UsageOrConfig, e.Message),
            UsageException e => (ExitCodes.UsageOrConfig, e.Message),
            _ => (-1, ""),
        };

        if (code < 0)
        {
            // Anything else is a bug: say so plainly, with the type, rather than a bare stack trace.
            io.WriteError($"unexpected {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.UsageOrConfig;
        }

        io.WriteError(message);
        return code;
    }
}
