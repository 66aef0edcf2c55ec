using System.CommandLine;

namespace K8sGpt.Cli.Commands;

/// <summary>Flags of <c>k8sgpt serve</c>.</summary>
public sealed class ServeOptions
{
    public Option<int> Port { get; } = new("--port", "-p") { Description = "gRPC port", DefaultValueFactory = static _ => 8080 };

    public Option<int?> MetricsPort { get; } = new("--metrics-port", "-m")
    {
        Description = "Port of /metrics, /healthz and /readyz (default 8081, or K8SGPT_METRICS_PORT)",
    };

    public Option<string?> Backend { get; } = new("--backend", "-b")
    {
        Description = "Default AI backend (else K8SGPT_BACKEND, else ai.defaultprovider); it must be configured and valid",
    };

    public Option<bool> Http { get; } = new("--http") { Description = "Also serve the JSON routes (POST /v1/analyze, POST /v1/query, GET /v1/list, POST /v1/shutdown)" };

    public Option<int> HttpPort { get; } = new("--http-port")
    {
        Description = "HTTP/1.1 port of the JSON routes without TLS (with TLS they share the gRPC port)",
        DefaultValueFactory = static _ => 8082,
    };

    public Option<bool> Mcp { get; } = new("--mcp") { Description = "Serve MCP (not available in this build yet)" };

    public Option<int> McpPort { get; } = new("--mcp-port") { Description = "MCP HTTP port", DefaultValueFactory = static _ => 8089 };

    public Option<bool> McpHttp { get; } = new("--mcp-http") { Description = "Serve MCP over HTTP instead of stdio" };

    public Option<string[]> Filter { get; } = new("--filter")
    {
        Description = "Analyzers used when a request names none (comma-separated or repeated)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> TlsCert { get; } = new("--tls-cert") { Description = "PEM certificate: serve gRPC and the JSON routes over TLS on --port" };

    public Option<string?> TlsKey { get; } = new("--tls-key") { Description = "PEM private key of --tls-cert" };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token every call must send except health and metrics (or K8SGPT_SERVE_TOKEN)",
    };

    public Option<string?> Snapshot { get; } = new("--snapshot") { Description = "Serve analysis of a snapshot file or folder instead of the live cluster" };

    public IEnumerable<Option> All =>
        [Port, MetricsPort, Backend, Http, HttpPort, Mcp, McpPort, McpHttp, Filter, TlsCert, TlsKey, Token, Snapshot];
}
