namespace K8sGpt.Core.Analysis;

/// <summary>The namespace a run was scoped to does not exist.</summary>
public sealed class NamespaceNotFoundException : Exception
{
    public NamespaceNotFoundException()
    {
    }

    public NamespaceNotFoundException(string message)
        : base(message)
    {
    }

    public NamespaceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
