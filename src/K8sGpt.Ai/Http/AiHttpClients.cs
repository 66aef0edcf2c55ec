using System.Net;

namespace K8sGpt.Ai.Http;

/// <summary>
/// Builds the one <see cref="HttpClient"/> a backend uses for its lifetime: proxy, connect timeout, request
/// shaping, per-attempt timeout and bounded retries. <see cref="HttpClient"/> is safe for concurrent use.
/// </summary>
internal static class AiHttpClients
{
    public static HttpClient Create(string backend, string proxyEndpoint, RequestShaping shaping, AiHttpOptions options, Uri? baseAddress = null)
    {
        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        if (proxyEndpoint.Length > 0)
        {
            sockets.Proxy = new WebProxy(new Uri(proxyEndpoint));
            sockets.UseProxy = true;
        }

        var resilient = new ResilientHandler(backend, options) { InnerHandler = sockets };
        var shaping1 = new ShapingHandler(shaping) { InnerHandler = resilient };

        // The per-attempt timeout lives in ResilientHandler; HttpClient's own would cut retries short.
        return new HttpClient(shaping1) { Timeout = Timeout.InfiniteTimeSpan, BaseAddress = baseAddress };
    }
}
