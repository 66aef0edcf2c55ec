using Prometheus;

namespace K8sGpt.Server.Observability;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own (one per server, so several servers in one process
/// never mix their numbers).
/// </summary>
public sealed class ServerMetrics
{
    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("k8sgpt_grpc_requests_total", "RPCs handled, by method and gRPC status code.", "method", "code");
        RequestDuration = factory.CreateHistogram(
            "k8sgpt_grpc_request_duration_seconds",
            "RPC latency in seconds, by method.",
            new HistogramConfiguration { LabelNames = ["method"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        AiCalls = factory.CreateCounter("k8sgpt_ai_requests_total", "Calls to AI backends, by backend.", "backend");
        AiErrors = factory.CreateCounter("k8sgpt_ai_errors_total", "Failed calls to AI backends, by backend and gRPC code.", "backend", "code");
        AiDuration = factory.CreateHistogram(
            "k8sgpt_ai_request_duration_seconds",
            "AI call latency in seconds, by backend.",
            new HistogramConfiguration { LabelNames = ["backend"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 14) });
        CacheHits = factory.CreateCounter("k8sgpt_cache_hits_total", "Explanations served from the cache.");
        CacheMisses = factory.CreateCounter("k8sgpt_cache_misses_total", "Explanations not found in the cache.");
        AnalyzerErrors = new AnalyzerErrorGauge(factory.CreateGauge(
            "analyzer_errors",
            "Number of failures per analyzed object, as the reference tool reports them.",
            "analyzer_name", "object_name", "namespace"));
    }

    public CollectorRegistry Registry { get; }

    public Counter Requests { get; }

    public Histogram RequestDuration { get; }

    public Counter AiCalls { get; }

    public Counter AiErrors { get; }

    public Histogram AiDuration { get; }

    public Counter CacheHits { get; }

    public Counter CacheMisses { get; }

    public AnalyzerErrorGauge AnalyzerErrors { get; }
}
