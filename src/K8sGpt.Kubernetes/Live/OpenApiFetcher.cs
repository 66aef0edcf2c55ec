using System.Text.Json;
using K8sGpt.Core.Docs;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// Fetches <c>/openapi/v2</c> once and keeps the field descriptions of the given types. A failure is a value
/// (the reason), never an exception: the analysis goes on without documentation.
/// </summary>
internal sealed class OpenApiFetcher(ApiConnection api, LiveClusterOptions options)
{
    public const string Path = "/openapi/v2";

    public async Task<(FieldDocs? Docs, string Error)> FetchAsync(IEnumerable<ResourceType> types, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ListTimeout);
        try
        {
            var (status, docs) = await api.GetStreamAsync(Path, OpenApiDocReader.ReadAsync, timeout.Token).ConfigureAwait(false);
            return docs is null
                ? (null, $"GET {Path}: HTTP {(int)status} {status}")
                : (docs.Subset(types), "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"GET {Path}: timed out after {options.ListTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"GET {Path}: {ex.Message}");
        }
        catch (JsonException ex)
        {
            return (null, $"GET {Path}: the document is not valid JSON ({ex.Message})");
        }
    }
}
