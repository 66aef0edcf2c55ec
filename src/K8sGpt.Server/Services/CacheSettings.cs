using System.Globalization;
using Grpc.Core;
using K8sGpt.Core.Config;
using K8sGpt.Server.Schema.V1;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Server.Services;

/// <summary>
/// Turns a wire <see cref="Cache"/> into the <c>cache</c> section of the config file (the reference's keys).
/// Only checks the fields: no bucket is created and nothing remote is contacted.
/// </summary>
internal static class CacheSettings
{
    public static CacheConfig From(Cache cache) => cache.CacheTypeCase switch
    {
        Cache.CacheTypeOneofCase.S3Cache => Build("s3", ("bucketname", cache.S3Cache.BucketName, "bucket_name", true), ("region", cache.S3Cache.Region, "region", false),
            ("endpoint", cache.S3Cache.Endpoint, "endpoint", false), ("insecure", cache.S3Cache.Insecure ? "true" : "false", "insecure", false)),
        Cache.CacheTypeOneofCase.AzureCache => Build("azure", ("storageaccount", cache.AzureCache.StorageAccount, "storage_account", true),
            ("containername", cache.AzureCache.ContainerName, "container_name", true)),
        Cache.CacheTypeOneofCase.GcsCache => Build("gcs", ("bucketname", cache.GcsCache.BucketName, "bucket_name", true),
            ("projectid", cache.GcsCache.ProjectId, "project_id", true), ("region", cache.GcsCache.Region, "region", false)),
        Cache.CacheTypeOneofCase.InterplexCache => Build("interplex", ("endpoint", cache.InterplexCache.Endpoint, "endpoint", true)),
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "cache names no cache type: set one of s3_cache, azure_cache, gcs_cache, interplex_cache")),
    };

    private static CacheConfig Build(string type, params (string Key, string Value, string Field, bool Required)[] fields)
    {
        var missing = fields.Where(static f => f.Required && string.IsNullOrWhiteSpace(f.Value)).Select(static f => f.Field).ToArray();
        if (missing.Length > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{type} cache is missing {string.Join(", ", missing)}"));
        }

        var node = new YamlMappingNode();
        foreach (var (key, value, _, _) in fields)
        {
            node.Add(key, new YamlScalarNode(value.Trim()));
        }

        return new CacheConfig
        {
            CurrentCacheType = type,
            Settings = new Dictionary<string, YamlNode>(StringComparer.Ordinal) { [type] = node },
        };
    }

    public static string Describe(CacheConfig cache) =>
        cache.CurrentCacheType.Length == 0 ? "file" : cache.CurrentCacheType.ToString(CultureInfo.InvariantCulture);
}
