namespace K8sGpt.Core.Selection;

/// <summary>A label selector string that does not follow Kubernetes selector syntax.</summary>
public sealed class LabelSelectorParseException : FormatException
{
    public LabelSelectorParseException()
    {
    }

    public LabelSelectorParseException(string message)
        : base(message)
    {
    }

    public LabelSelectorParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
