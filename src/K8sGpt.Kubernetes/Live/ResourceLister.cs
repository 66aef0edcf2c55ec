using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Kubernetes.Live;

/// <summary>Lists one resource type completely, page by page (<c>limit</c> + <c>continue</c>).</summary>
internal sealed class ResourceLister(ApiConnection api, LiveClusterOptions options, ScanScope scope)
{
    public async Task<ListOutcome> ListAsync(ResourceRead read, string groupVersion, CancellationToken cancellationToken)
    {
        var type = read.Type;
        var namespaced = type.Namespaced && scope.Namespace.Length > 0;
        var verb = namespaced ? $"list {type.Resource} in namespace \"{scope.Namespace}\"" : $"list {type.Resource} cluster-wide";
        var basePath = (type.Group.Length == 0 ? $"/api/{groupVersion}" : $"/apis/{groupVersion}")
            + (namespaced ? $"/namespaces/{Uri.EscapeDataString(scope.Namespace)}/{type.Plural}" : $"/{type.Plural}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ListTimeout);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        var pages = 0;
        var continueToken = "";
        try
        {
            do
            {
                var response = await api.GetAsync(PageUrl(basePath, read, continueToken), null, timeout.Token).ConfigureAwait(false);
                pages++;
                if (!response.IsSuccess || response.Body is null)
                {
                    return new([], Failure(response, verb), pages);
                }

                var listApiVersion = response.Body["apiVersion"]?.GetValue<string>() ?? groupVersion;
                foreach (var item in response.Body["items"] as JsonArray ?? [])
                {
                    if (item is JsonObject obj)
                    {
                        objects.Add(Decode(type, obj, listApiVersion));
                    }
                }

                continueToken = response.Body["metadata"]?["continue"]?.GetValue<string>() ?? "";
            }
            while (continueToken.Length > 0);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new([], new ResourceReadStatus(ReadState.Failed, $"{verb} timed out after {options.ListTimeout.TotalSeconds:0.#} s"), pages);
        }
        catch (HttpRequestException ex)
        {
            return new([], new ResourceReadStatus(ReadState.Failed, $"{verb}: {ex.Message}"), pages);
        }
        catch (JsonException ex)
        {
            return new([], new ResourceReadStatus(ReadState.Failed, $"{verb}: malformed response: {ex.Message}"), pages);
        }
        catch (MalformedObjectException ex)
        {
            return new([], new ResourceReadStatus(ReadState.Failed, $"{verb}: malformed response: {ex.Message}"), pages);
        }

        return new(objects, ResourceReadStatus.Loaded, pages);
    }

    private string PageUrl(string basePath, ResourceRead read, string continueToken)
    {
        var url = new StringBuilder(basePath).Append("?limit=").Append(options.PageSize);
        if (continueToken.Length > 0)
        {
            url.Append("&continue=").Append(Uri.EscapeDataString(continueToken));
        }

        // Only the objects reported on are filtered by the server; lookups are read whole so joins never miss.
        if (read.Role == ReadRole.Primary && !scope.Selector.IsEverything)
        {
            url.Append("&labelSelector=").Append(Uri.EscapeDataString(scope.Selector.ToString()));
        }

        return url.ToString();
    }

    private static ResourceReadStatus Failure(ApiResponse response, string verb) => response.Status switch
    {
        HttpStatusCode.Forbidden => new(ReadState.Forbidden, verb),
        HttpStatusCode.NotFound => new(ReadState.NotServed, $"{verb}: 404 Not Found"),
        _ => new(ReadState.Failed, $"{verb}: {response.Reason}"),
    };

    private static IKubernetesObject<V1ObjectMeta> Decode(ResourceType type, JsonObject item, string listApiVersion)
    {
        // List items carry no kind/apiVersion; the decoder and the dump want them.
        item["kind"] ??= type.Kind;
        item["apiVersion"] ??= listApiVersion;
        if (type == KnownResources.Secrets)
        {
            // Secret values are never kept, not even in memory.
            item.Remove("data");
            item.Remove("stringData");
        }

        return ObjectDecoder.Decode(type, item);
    }
}
