namespace K8sGpt.Core.Snapshot;

/// <summary>
/// A Kubernetes resource type an analyzer can read: group, version, kind and plural resource name.
/// </summary>
/// <param name="ClrType">Typed model from KubernetesClient, or null for resources read as <see cref="UnstructuredObject"/>.</param>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced, Type? ClrType = null)
{
    /// <summary>Other served versions that are read the same way, in order of preference after <see cref="Version"/>.</summary>
    public IReadOnlyList<string> AlternateVersions { get; init; } = [];

    /// <summary>
    /// False for pseudo resources that are not a list on the API server (container logs, cloud provider health):
    /// a live source reads them its own way, after the lists, and a dump records how that went.
    /// </summary>
    public bool Listed { get; init; } = true;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary><c>plural</c> for the core group, else <c>plural.group</c> (the form RBAC messages use).</summary>
    public string Resource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public override string ToString() => Resource;

    public bool Equals(ResourceType? other) =>
        other is not null
        && string.Equals(Group, other.Group, StringComparison.Ordinal)
        && string.Equals(Plural, other.Plural, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Group, Plural);
}
