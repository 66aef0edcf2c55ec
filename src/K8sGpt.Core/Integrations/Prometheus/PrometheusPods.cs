using System.IO.Compression;
using System.Text;
using k8s.Models;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Integrations.Prometheus;

/// <summary>
/// Finds Prometheus pods in a snapshot and the configuration each one runs with: the path from
/// <c>--config.file=</c> (or the config reloader's <c>--config-file=</c>), the ConfigMap or Secret volume mounted at
/// that path, and the key inside it (<c>data</c> or <c>binaryData</c>, gzip supported). Every outcome is per pod.
/// </summary>
internal static class PrometheusPods
{
    /// <summary>Pods labelled <c>app=prometheus</c> or <c>app.kubernetes.io/name=prometheus</c>; else pods with a container named prometheus.</summary>
    public static IReadOnlyList<V1Pod> Find(ClusterSnapshot snapshot)
    {
        var pods = snapshot.Selected<V1Pod>();
        var labelled = pods.Where(static p => Label(p, "app") == "prometheus" || Label(p, "app.kubernetes.io/name") == "prometheus").ToArray();
        var found = labelled.Length > 0 ? labelled : pods.Where(static p => p.Spec?.Containers?.Any(static c => c.Name == "prometheus") == true).ToArray();
        return [.. found.OrderBy(static p => p.Namespace(), StringComparer.Ordinal).ThenBy(static p => p.Name(), StringComparer.Ordinal)];
    }

    /// <summary>Names a problem locating the configuration may quote: containers, and ConfigMaps and Secrets mounted as volumes.</summary>
    public static IEnumerable<string> QuotedNames(V1Pod pod) =>
        (pod.Spec?.Containers ?? []).Select(static c => c.Name)
            .Concat((pod.Spec?.Volumes ?? []).Select(static v => v.ConfigMap?.Name ?? v.Secret?.SecretName ?? ""))
            .Where(static n => !string.IsNullOrEmpty(n));

    public static PrometheusConfigLocation Locate(V1Pod pod, ClusterSnapshot snapshot)
    {
        var ns = pod.Namespace() ?? "";
        var podKey = $"pod/{ns}/{pod.Name()}";
        var (container, path) = ConfigPath(pod);
        if (container is null || path is null)
        {
            return PrometheusConfigLocation.Unchecked(podKey, "no container passes --config.file, so the configuration is the image's default and was not checked");
        }

        var mount = (container.VolumeMounts ?? [])
            .Where(m => !string.IsNullOrEmpty(m.MountPath) && (path == m.MountPath || path.StartsWith(m.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(static m => m.MountPath.Length);
        var volume = mount is null ? null : pod.Spec?.Volumes?.FirstOrDefault(v => v.Name == mount.Name);
        if (mount is null || volume is null)
        {
            return PrometheusConfigLocation.Faulty(podKey, $"the configuration file {path} (container {container.Name}) is on no mounted volume");
        }

        var relative = path == mount.MountPath ? mount.SubPath ?? "" : path[(mount.MountPath.TrimEnd('/').Length + 1)..];
        if (volume.ConfigMap is { } configMap)
        {
            var key = KeyFor(relative, configMap.Items);
            return FromConfigMap(snapshot, ns, configMap.Name ?? "", key, path);
        }

        if (volume.Secret is { } secret)
        {
            var key = KeyFor(relative, secret.Items);
            return FromSecret(snapshot, ns, secret.SecretName ?? "", key, path);
        }

        return PrometheusConfigLocation.Unchecked(podKey, $"the configuration file {path} is on volume {volume.Name}, which is neither a ConfigMap nor a Secret, so it was not checked");
    }

    private static PrometheusConfigLocation FromConfigMap(ClusterSnapshot snapshot, string ns, string name, string key, string path)
    {
        var source = $"configmap/{ns}/{name}/{key}";
        var lookup = snapshot.Find<V1ConfigMap>(ns, name);
        if (lookup.NotFound)
        {
            return PrometheusConfigLocation.Faulty(source, $"ConfigMap {name} holding the configuration file {path} does not exist");
        }

        if (!lookup.Found)
        {
            return PrometheusConfigLocation.Unchecked(source, $"ConfigMap {name} could not be read: {lookup.Reason}");
        }

        var configMap = lookup.Value!;
        if (configMap.Data?.TryGetValue(key, out var text) == true)
        {
            return Decode(source, Encoding.UTF8.GetBytes(text));
        }

        return configMap.BinaryData?.TryGetValue(key, out var bytes) == true
            ? Decode(source, bytes)
            : PrometheusConfigLocation.Faulty(source, $"ConfigMap {name} has no key {key} for the configuration file {path}");
    }

    private static PrometheusConfigLocation FromSecret(ClusterSnapshot snapshot, string ns, string name, string key, string path)
    {
        var source = $"secret/{ns}/{name}/{key}";
        var lookup = snapshot.Find<V1Secret>(ns, name);
        if (lookup.NotFound)
        {
            return PrometheusConfigLocation.Faulty(source, $"Secret {name} holding the configuration file {path} does not exist");
        }

        // The live source does not read Secret data (it would carry credentials); a dump or a kubectl file may.
        return lookup.Value?.Data?.TryGetValue(key, out var bytes) == true
            ? Decode(source, bytes)
            : PrometheusConfigLocation.Unchecked(source, $"the configuration is in Secret {name} (key {key}), whose data k8sgpt does not read, so it was not checked");
    }

    private static PrometheusConfigLocation Decode(string source, byte[] bytes)
    {
        if (bytes is not [0x1f, 0x8b, ..])
        {
            return PrometheusConfigLocation.Read(source, Encoding.UTF8.GetString(bytes));
        }

        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var reader = new StreamReader(input, Encoding.UTF8);
            return PrometheusConfigLocation.Read(source, reader.ReadToEnd());
        }
        catch (InvalidDataException ex)
        {
            return PrometheusConfigLocation.Faulty(source, $"the gzipped configuration cannot be decompressed: {ex.Message}");
        }
    }

    /// <summary>The container that names the config, and the path; the reloader's input wins over Prometheus's own flag.</summary>
    private static (V1Container? Container, string? Path) ConfigPath(V1Pod pod)
    {
        (V1Container?, string?) prometheus = (null, null);
        foreach (var container in pod.Spec?.Containers ?? [])
        {
            var args = (container.Command ?? []).Concat(container.Args ?? []).ToArray();
            for (var i = 0; i < args.Length; i++)
            {
                foreach (var flag in new[] { "--config-file", "--config.file" })
                {
                    var value = args[i].StartsWith(flag + "=", StringComparison.Ordinal) ? args[i][(flag.Length + 1)..]
                        : args[i] == flag && i + 1 < args.Length ? args[i + 1]
                        : null;
                    if (value is { Length: > 0 } && flag == "--config-file")
                    {
                        return (container, value);
                    }

                    if (value is { Length: > 0 })
                    {
                        prometheus = (container, value);
                    }
                }
            }
        }

        return prometheus;
    }

    private static string KeyFor(string relative, IList<V1KeyToPath>? items) =>
        items?.FirstOrDefault(i => i.Path == relative)?.Key ?? relative;

    private static string? Label(V1Pod pod, string key) =>
        pod.Metadata?.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;
}
