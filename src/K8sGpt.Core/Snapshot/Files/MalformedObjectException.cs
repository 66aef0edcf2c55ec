namespace K8sGpt.Core.Snapshot.Files;

/// <summary>
/// An object whose fields do not fit its kind's schema. The message names the object (kind, namespace/name when
/// its metadata says them) and the misfit in plain words; where it came from is for the catcher to add.
/// </summary>
internal sealed class MalformedObjectException(string objectName, string problem, Exception innerException)
    : Exception($"{objectName} is malformed: {problem}", innerException);
