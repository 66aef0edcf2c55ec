using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace K8sGpt.Kubernetes.Live.Eks;

/// <summary>
/// The few read-only EKS REST calls the health check needs, SigV4-signed by the AWS SDK's signing handler. Each call
/// has its own timeout; errors carry the IAM action, the HTTP status and AWS's error type.
/// </summary>
internal sealed class EksApi : IDisposable
{
    private const int PageSize = 100;
    private readonly HttpClient _http;
    private readonly TimeSpan _callTimeout;
    private readonly TimeSpan _budget;
    private readonly CancellationTokenSource _spent;

    /// <param name="callTimeout">Time allowed for one call.</param>
    /// <param name="budget">Time allowed for all calls together: a slow API must not stretch the run by a call
    /// timeout per node group; calls past it are not sent.</param>
    public EksApi(AWSCredentials credentials, string region, Uri endpoint, TimeSpan callTimeout, TimeSpan budget)
    {
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), "eks", new SocketsHttpHandler());
        _http = new HttpClient(signing) { BaseAddress = endpoint, Timeout = Timeout.InfiniteTimeSpan };
        _callTimeout = callTimeout;
        _budget = budget;

        // One token for the whole budget, linked into every call: a call it cut short marks the budget spent before
        // the next call asks, so no call is sent with a sliver of time left.
        _spent = new CancellationTokenSource(budget);
    }

    /// <summary>
    /// <c>AWS_ENDPOINT_URL_EKS</c>, else <c>AWS_ENDPOINT_URL</c> (the SDKs' endpoint overrides), else the regional
    /// endpoint (<c>amazonaws.com.cn</c> in the China regions).
    /// </summary>
    public static Uri EndpointFor(string region, Func<string, string?> environment)
    {
        var configured = environment("AWS_ENDPOINT_URL_EKS") is { Length: > 0 } eks ? eks : environment("AWS_ENDPOINT_URL");
        if (configured is { Length: > 0 })
        {
            var variable = environment("AWS_ENDPOINT_URL_EKS") is { Length: > 0 } ? "AWS_ENDPOINT_URL_EKS" : "AWS_ENDPOINT_URL";
            return Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
                ? uri
                : throw new EksApiException("eks:*", null, "", $"{variable}=\"{AwsNames.Redact(configured)}\" is not an http or https URL");
        }

        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://eks.{region}.{domain}/");
    }

    public async Task<JsonObject> DescribeClusterAsync(string name, CancellationToken cancellationToken) =>
        Member(await GetAsync($"clusters/{Escape(name)}", "eks:DescribeCluster", cancellationToken).ConfigureAwait(false), "cluster");

    public Task<IReadOnlyList<string>> ListClustersAsync(CancellationToken cancellationToken) =>
        ListAsync("clusters", "clusters", "eks:ListClusters", cancellationToken);

    public Task<IReadOnlyList<string>> ListNodegroupsAsync(string cluster, CancellationToken cancellationToken) =>
        ListAsync($"clusters/{Escape(cluster)}/node-groups", "nodegroups", "eks:ListNodegroups", cancellationToken);

    public async Task<JsonObject> DescribeNodegroupAsync(string cluster, string nodegroup, CancellationToken cancellationToken) =>
        Member(await GetAsync($"clusters/{Escape(cluster)}/node-groups/{Escape(nodegroup)}", "eks:DescribeNodegroup", cancellationToken).ConfigureAwait(false), "nodegroup");

    public Task<IReadOnlyList<string>> ListAddonsAsync(string cluster, CancellationToken cancellationToken) =>
        ListAsync($"clusters/{Escape(cluster)}/addons", "addons", "eks:ListAddons", cancellationToken);

    public async Task<JsonObject> DescribeAddonAsync(string cluster, string addon, CancellationToken cancellationToken) =>
        Member(await GetAsync($"clusters/{Escape(cluster)}/addons/{Escape(addon)}", "eks:DescribeAddon", cancellationToken).ConfigureAwait(false), "addon");

    public void Dispose()
    {
        _http.Dispose();
        _spent.Dispose();
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static JsonObject Member(JsonObject body, string name) =>
        body[name] as JsonObject ?? throw new EksApiException($"eks:*", HttpStatusCode.OK, "", $"the EKS answer has no \"{name}\" object");

    /// <summary>Every page of a list (AWS pages with <c>nextToken</c>); stops if AWS repeats a token.</summary>
    private async Task<IReadOnlyList<string>> ListAsync(string path, string member, string action, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var query = $"?maxResults={PageSize}" + (next is null ? "" : $"&nextToken={Uri.EscapeDataString(next)}");
            var page = await GetAsync(path + query, action, cancellationToken).ConfigureAwait(false);
            names.AddRange((page[member] as JsonArray ?? []).OfType<JsonValue>().Select(static v => v.ToString()));
            next = page["nextToken"] is JsonValue token && token.GetValueKind() == JsonValueKind.String ? token.GetValue<string>() : null;
            if (next is { Length: > 0 } && !seen.Add(next))
            {
                throw new EksApiException(action, HttpStatusCode.OK, "", $"{action} answered the same nextToken twice: the list was not read to its end");
            }
        }
        while (next is { Length: > 0 });

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private async Task<JsonObject> GetAsync(string relative, string action, CancellationToken cancellationToken)
    {
        if (_spent.IsCancellationRequested)
        {
            throw new EksApiException(action, null, "", $"{action} not sent: the EKS calls used up their {_budget.TotalSeconds:0.#} s together");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _spent.Token);
        timeout.CancelAfter(_callTimeout);
        try
        {
            using var response = await _http.GetAsync(relative, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var body = Parse(text);
            if (response.IsSuccessStatusCode)
            {
                return body ?? throw new EksApiException(action, response.StatusCode, "", $"{action} answered HTTP {(int)response.StatusCode} with a body that is not a JSON object");
            }

            var type = ErrorType(response, body);
            var message = body?["message"]?.ToString() ?? body?["Message"]?.ToString() ?? response.ReasonPhrase ?? "";
            throw new EksApiException(action, response.StatusCode, type, $"{action} failed: HTTP {(int)response.StatusCode} {type}{(message.Length > 0 ? ": " + message : "")}");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EksApiException(action, null, "", _spent.IsCancellationRequested
                ? $"{action} did not answer before the EKS calls used up their {_budget.TotalSeconds:0.#} s together"
                : $"{action} did not answer within {_callTimeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new EksApiException(action, null, "", $"{action} failed: cannot reach {AwsNames.Redact(_http.BaseAddress?.ToString() ?? "")}: {AwsNames.Redact(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException)
        {
            // Raised while signing: the credentials could not be refreshed (expired SSO session, unreadable token file).
            throw new EksApiException(action, null, "", $"{action} not sent: {AwsCredentialFailure.Describe(ex, "the AWS credentials")}", ex);
        }
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>AWS's error type: the <c>x-amzn-ErrorType</c> header (<c>Type:detail</c>), else <c>__type</c>/<c>code</c> in the body.</summary>
    private static string ErrorType(HttpResponseMessage response, JsonObject? body)
    {
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var values) && values.FirstOrDefault() is { Length: > 0 } header)
        {
            return header.Split(':')[0];
        }

        var type = body?["__type"]?.ToString() ?? body?["code"]?.ToString() ?? "";
        return type.Contains('#', StringComparison.Ordinal) ? type[(type.LastIndexOf('#') + 1)..] : type;
    }
}
