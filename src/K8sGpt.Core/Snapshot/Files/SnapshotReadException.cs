namespace K8sGpt.Core.Snapshot.Files;

/// <summary>A snapshot file or folder that cannot be read; the message names the file and the document position.</summary>
public sealed class SnapshotReadException : Exception
{
    public SnapshotReadException()
    {
    }

    public SnapshotReadException(string message)
        : base(message)
    {
    }

    public SnapshotReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
