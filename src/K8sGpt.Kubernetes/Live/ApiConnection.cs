using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// GET requests through KubernetesClient's configured pipeline (TLS, CA, client certificates, credentials, the
/// request counter), returning raw JSON so typed and custom resources take the same path. KubernetesClient's
/// custom-object list API cannot address the core group (<c>/api/v1</c>), hence the raw GETs.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly k8s.Kubernetes _client;

    public ApiConnection(KubernetesClientConfiguration configuration, RequestCounter counter)
    {
        _client = new k8s.Kubernetes(configuration, counter);
    }

    public Uri BaseUri => _client.BaseUri;

    /// <summary>Sends one GET; transport failures (refused, TLS, timeout) surface as exceptions.</summary>
    public async Task<ApiResponse> GetAsync(string pathAndQuery, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, pathAndQuery.TrimStart('/')));
        request.Headers.Accept.ParseAdd(accept ?? "application/json");
        if (request.RequestUri!.Scheme == Uri.UriSchemeHttps)
        {
            // As KubernetesClient does: HTTP/2 over TLS when the server offers it.
            request.Version = System.Net.HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }

        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var contentType = response.Content.Headers.ContentType?.ToString() ?? "";
        JsonObject? body = null;
        if (IsJson(response.Content.Headers.ContentType))
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    body = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject;
                }
                catch (JsonException) when (!response.IsSuccessStatusCode)
                {
                    // An error page that claims to be JSON: the status code alone tells what happened.
                    body = null;
                }
            }
        }

        return new ApiResponse(response.StatusCode, body, contentType);
    }

    /// <summary>Sends one GET for a plain-text body (container logs), read to the end (the server bounds its size).</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Text)> GetTextAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, pathAndQuery.TrimStart('/')));
        request.Headers.Accept.ParseAdd("text/plain, */*");
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : "";
        return (response.StatusCode, text);
    }

    /// <summary>Sends one GET and hands a successful body to <paramref name="read"/> as a stream (large documents).</summary>
    public async Task<(System.Net.HttpStatusCode Status, T? Value)> GetStreamAsync<T>(
        string pathAndQuery, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, pathAndQuery.TrimStart('/')));
        request.Headers.Accept.ParseAdd("application/json");
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, default);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return (response.StatusCode, await read(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        _client.Dispose();
    }
}
