using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>The <c>cache</c> section: empty type means the local file cache.</summary>
public sealed record CacheConfig
{
    /// <summary><c>cache.currentCacheType</c>: empty (file), <c>s3</c>, <c>azure</c>, <c>gcs</c> or <c>interplex</c>.</summary>
    public string CurrentCacheType { get; init; } = "";

    /// <summary>The type-specific settings (<c>cache.s3</c>, <c>cache.gcs</c>, ...), kept as read.</summary>
    public IReadOnlyDictionary<string, YamlNode> Settings { get; init; } = new Dictionary<string, YamlNode>();
}
