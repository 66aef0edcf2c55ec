using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using K8sGpt.Core.Analysis;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// Finds the client configuration the way kubectl does: <c>--kubeconfig</c>, else <c>$KUBECONFIG</c> (several
/// files merged, the first to set a value wins), else <c>~/.kube/config</c>, else the in-cluster service account.
/// </summary>
public static class KubeConfigResolver
{
    /// <param name="Context">The kubeconfig context used, or null in-cluster.</param>
    public sealed record Resolved(KubernetesClientConfiguration Configuration, string SourceName, KubeContextInfo? Context = null);

    /// <exception cref="ClusterAccessException">No usable configuration, an unknown context, or a malformed file.</exception>
    public static Resolved Resolve(LiveClusterOptions options)
    {
        var files = ConfigFiles(options);
        if (files.Count == 0)
        {
            if (options.Environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 })
            {
                return InCluster();
            }

            throw new ClusterAccessException("no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config");
        }

        K8SConfiguration merged;
        try
        {
            merged = Merge(files);
        }
        catch (Exception ex) when (ex is KubeConfigException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            throw new ClusterAccessException($"cannot read kubeconfig {string.Join(":", files)}: {PlainMessage.Of(ex)}", ex);
        }

        var contexts = (merged.Contexts ?? []).Select(static c => c.Name).ToArray();
        var context = options.Context is { Length: > 0 } requested ? requested : merged.CurrentContext;
        if (string.IsNullOrEmpty(context))
        {
            throw new ClusterAccessException($"kubeconfig {string.Join(":", files)} has no current context; pass --kubecontext (available contexts: {Available(contexts)})");
        }

        if (!contexts.Contains(context, StringComparer.Ordinal))
        {
            throw new ClusterAccessException($"context \"{context}\" not found in kubeconfig {string.Join(":", files)} (available contexts: {Available(contexts)})");
        }

        try
        {
            return new(KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context), $"context {context}", KubeContextInfo.Of(merged, context));
        }
        catch (KubeConfigException ex)
        {
            throw new ClusterAccessException($"kubeconfig context \"{context}\" is not usable: {PlainMessage.Of(ex)}", ex);
        }
    }

    private static string Available(string[] contexts) => contexts.Length == 0 ? "none" : string.Join(", ", contexts.Order(StringComparer.Ordinal));

    private static Resolved InCluster()
    {
        try
        {
            return new(KubernetesClientConfiguration.InClusterConfig(), "in-cluster service account");
        }
        catch (Exception ex) when (ex is KubeConfigException or IOException or UnauthorizedAccessException)
        {
            throw new ClusterAccessException($"cannot use the in-cluster service account: {PlainMessage.Of(ex)}", ex);
        }
    }

    private static List<string> ConfigFiles(LiveClusterOptions options)
    {
        if (options.KubeConfigPath is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath)
                ? [explicitPath]
                : throw new ClusterAccessException($"kubeconfig {explicitPath} does not exist");
        }

        if (options.Environment("KUBECONFIG") is { Length: > 0 } list)
        {
            // As kubectl: missing entries are skipped, duplicates read once.
            var paths = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal)
                .Where(File.Exists)
                .ToList();
            return paths.Count > 0
                ? paths
                : throw new ClusterAccessException($"none of the files in KUBECONFIG ({list}) exists");
        }

        var home = options.Environment("HOME") ?? options.Environment("USERPROFILE") ?? "";
        var defaultPath = Path.Combine(home, ".kube", "config");
        return home.Length > 0 && File.Exists(defaultPath) ? [defaultPath] : [];
    }

    /// <summary>Merges kubeconfig files: clusters, users and contexts by name, the first file to define one wins.</summary>
    private static K8SConfiguration Merge(IReadOnlyList<string> files)
    {
        var result = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(files[0]));
        result.Clusters ??= [];
        result.Users ??= [];
        result.Contexts ??= [];
        foreach (var file in files.Skip(1))
        {
            var next = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file));
            if (string.IsNullOrEmpty(result.CurrentContext))
            {
                result.CurrentContext = next.CurrentContext;
            }

            result.Clusters = Union(result.Clusters, next.Clusters, static c => c.Name);
            result.Users = Union(result.Users, next.Users, static u => u.Name);
            result.Contexts = Union(result.Contexts, next.Contexts, static c => c.Name);
        }

        return result;
    }

    private static List<T> Union<T>(IEnumerable<T> first, IEnumerable<T>? second, Func<T, string> name)
    {
        var list = first.ToList();
        var names = list.Select(name).ToHashSet(StringComparer.Ordinal);
        list.AddRange((second ?? []).Where(item => names.Add(name(item))));
        return list;
    }
}
