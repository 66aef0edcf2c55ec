using System.Text.Json.Nodes;
using System.Web;

namespace K8sGpt.Ai.Http;

/// <summary>Applies a <see cref="RequestShaping"/> to each request. Stateless apart from immutable settings.</summary>
internal sealed class ShapingHandler(RequestShaping shaping) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, values) in shaping.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, values);
        }

        if (shaping.RemoveAuthorization)
        {
            request.Headers.Authorization = null;
        }

        if (shaping.ApiKeyAsBearer && request.Headers.TryGetValues("api-key", out var keys))
        {
            request.Headers.Remove("api-key");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", keys.First());
        }

        if (shaping.ApiVersion.Length > 0 && request.RequestUri is { } uri)
        {
            var builder = new UriBuilder(uri);
            var query = HttpUtility.ParseQueryString(builder.Query);
            query["api-version"] = shaping.ApiVersion;
            builder.Query = query.ToString();
            request.RequestUri = builder.Uri;
        }

        if (shaping.UseLegacyMaxTokens && request.Content is { } content)
        {
            request.Content = await RenameMaxTokensAsync(content, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpContent> RenameMaxTokensAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (JsonNode.Parse(text) is not JsonObject body || !body.TryGetPropertyValue("max_completion_tokens", out var value))
        {
            return new StringContent(text, System.Text.Encoding.UTF8, content.Headers.ContentType?.MediaType ?? "application/json");
        }

        body.Remove("max_completion_tokens");
        body["max_tokens"] = value;
        return new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
    }
}
