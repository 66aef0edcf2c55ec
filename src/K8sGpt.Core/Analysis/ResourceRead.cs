using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analysis;

/// <summary>A resource type an analyzer reads, and how.</summary>
public sealed record ResourceRead(ResourceType Type, ReadRole Role)
{
    public static ResourceRead Primary(ResourceType type) => new(type, ReadRole.Primary);

    public static ResourceRead Lookup(ResourceType type) => new(type, ReadRole.Lookup);
}
