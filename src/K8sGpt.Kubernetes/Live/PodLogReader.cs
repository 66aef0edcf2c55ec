using System.Collections.Concurrent;
using System.Net;
using System.Text;
using k8s.Models;
using K8sGpt.Core.Analyzers;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// Reads the recent log tail of failing or restarting containers only (<see cref="FailingContainers"/>), bounded in
/// lines, bytes, containers per run and concurrency; the previous instance too for containers that restarted.
/// </summary>
internal sealed class PodLogReader(ApiConnection api, LiveClusterOptions options)
{
    public const int TailLines = 100;
    public const int LimitBytes = 32 * 1024;
    public const int MaxConcurrentReads = 4;

    public async Task<ResourceReadStatus> ReadAsync(IEnumerable<V1Pod> pods, ClusterSnapshotBuilder builder, CancellationToken cancellationToken)
    {
        var candidates = FailingContainers.Of(pods);
        var chosen = candidates.Take(FailingContainers.MaxContainers).ToArray();
        var unread = new ConcurrentQueue<string>();
        var reads = chosen.SelectMany(static c => c.ReadPrevious ? new[] { (c, false), (c, true) } : [(c, false)]);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(reads, parallel, async (read, token) =>
        {
            var (candidate, previous) = read;
            var text = await ReadOneAsync(candidate, previous, token).ConfigureAwait(false);
            if (text.Log is not null)
            {
                builder.AddLog(new ContainerLog(candidate.Namespace, candidate.Pod, candidate.Container, previous, text.Log));
            }
            else
            {
                unread.Enqueue(text.Why);
            }
        }).ConfigureAwait(false);

        var notes = new List<string>();
        if (candidates.Count > chosen.Length)
        {
            notes.Add($"logs of {candidates.Count - chosen.Length} more failing container(s) were not read (at most {FailingContainers.MaxContainers} per run)");
        }

        if (!unread.IsEmpty)
        {
            notes.Add($"{unread.Count} log read(s) failed, e.g. {unread.Order(StringComparer.Ordinal).First()}");
        }

        return new ResourceReadStatus(ReadState.Loaded, string.Join("; ", notes));
    }

    private async Task<(string? Log, string Why)> ReadOneAsync(FailingContainers.Candidate candidate, bool previous, CancellationToken cancellationToken)
    {
        var path = new StringBuilder($"/api/v1/namespaces/{Uri.EscapeDataString(candidate.Namespace)}/pods/{Uri.EscapeDataString(candidate.Pod)}/log")
            .Append("?container=").Append(Uri.EscapeDataString(candidate.Container))
            .Append("&tailLines=").Append(TailLines)
            .Append("&limitBytes=").Append(LimitBytes)
            .Append(previous ? "&previous=true" : "")
            .ToString();
        var what = $"{candidate.Namespace}/{candidate.Pod}/{candidate.Container}{(previous ? " (previous)" : "")}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ListTimeout);
        try
        {
            var (status, text) = await api.GetTextAsync(path, timeout.Token).ConfigureAwait(false);
            return status == HttpStatusCode.OK ? (text, "") : (null, $"{what}: HTTP {(int)status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{what}: timed out after {options.ListTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"{what}: {ex.Message}");
        }
    }
}
