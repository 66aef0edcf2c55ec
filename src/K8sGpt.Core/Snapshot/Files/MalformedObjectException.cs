namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// An object whose fields do not fit its kind's schema. The message names the object (kind, namespace/name when
/// its metadata says them) and the misfit in plain words; where it came from is for the catcher to add.
/// </summary>
internal sealed class MalformedObjectException(string objectName, string problem, Exception innerException)
    : Exception($"{Visible(objectName)} is malformed: {problem}", innerException)
{
    // Names come from the file: a line break or escape sequence in one must not forge lines of the error message.
    private static string Visible(string name) =>
        string.Concat(name.Select(static c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
