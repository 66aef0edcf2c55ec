namespace K8sGpt.Server.Startup;

/// <summary>The server cannot start in a state it can serve; the message says what is wrong and how to fix it.</summary>
public sealed class ServeStartupException : Exception
{
    public ServeStartupException()
    {
    }

    public ServeStartupException(string message)
        : base(message)
    {
    }

    public ServeStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
