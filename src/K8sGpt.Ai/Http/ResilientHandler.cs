using System.Net.Http.Headers;

namespace K8sGpt.Ai.Http;

/// <summary>
/// Bounds every attempt with a timeout, retries 429 and 5xx with backoff honouring <c>Retry-After</c>, buffers the
/// answer inside the attempt, and turns every failure into an <see cref="AiBackendException"/> naming the backend.
/// Holds no per-call state, so one instance serves concurrent calls.
/// </summary>
internal sealed class ResilientHandler(string backend, AiHttpOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendOnceAsync(request, body, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return CheckSuccess(response, request);
            }

            var retryable = status == 429 || status >= 500;
            if (retryable && attempt < options.MaxAttempts && DelayBeforeRetry(response, attempt) is { } delay)
            {
                response.Dispose();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw ResponseErrors.FromStatus(backend, request, response, text, attempt);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage original, byte[]? body, CancellationToken cancellationToken)
    {
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCts.CancelAfter(options.AttemptTimeout);
        using var request = Clone(original, body);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attemptCts.Token).ConfigureAwait(false);

            // Read the whole answer inside the attempt, so a server that stalls mid-body also hits the timeout.
            await response.Content.LoadIntoBufferAsync(attemptCts.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new AiBackendException(
                backend,
                AiFailureKind.Timeout,
                $"AI backend '{backend}' did not answer within {options.AttemptTimeout.TotalSeconds:0.#}s ({Describe(original)})",
                innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            response?.Dispose();
            throw new AiBackendException(
                backend,
                AiFailureKind.Unreachable,
                $"cannot reach AI backend '{backend}' at {original.RequestUri?.GetLeftPart(UriPartial.Authority)}: {ex.Message}. Check the base URL (k8sgpt auth update --backend {backend} --baseurl <url>) and that the server is running",
                innerException: ex);
        }
    }

    private HttpResponseMessage CheckSuccess(HttpResponseMessage response, HttpRequestMessage request)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            using (response)
            {
                throw new AiBackendException(
                    backend,
                    AiFailureKind.BadResponse,
                    $"AI backend '{backend}' answered with an HTML page instead of JSON ({Describe(request)}): the base URL probably points at a web page or a proxy, not the API",
                    (int)response.StatusCode);
            }
        }

        return response;
    }

    private TimeSpan? DelayBeforeRetry(HttpResponseMessage response, int attempt)
    {
        var backoff = options.BaseDelay * Math.Pow(2, attempt - 1);
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        if (retryAfter is null)
        {
            return backoff;
        }

        return retryAfter <= options.MaxRetryAfter ? retryAfter : null;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
    {
        var clone = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var header in original.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Options)
        {
            clone.Options.TryAdd(option.Key, option.Value);
        }

        return clone;
    }

    internal static string Describe(HttpRequestMessage request) =>
        $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
}
