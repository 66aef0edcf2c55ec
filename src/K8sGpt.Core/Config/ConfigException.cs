namespace K8sGpt.Core.Config;

/// <summary>The config file cannot be read or written; the message names the file (and the line when it is malformed).</summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
