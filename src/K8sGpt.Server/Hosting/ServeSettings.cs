using System.Net;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Config;
using K8sGpt.Server.Explain;
using Microsoft.Extensions.Logging;

namespace K8sGpt.Server.Hosting;

/// <summary>Everything <c>k8sgpt serve</c> was asked to do, plus the pluggable parts (registry, explainer, cluster source).</summary>
public sealed record ServeSettings
{
    public required string ConfigPath { get; init; }

    /// <summary>Builds the backend registry from the config (file providers plus the environment provider).</summary>
    public required Func<K8sGptConfig, IBackendRegistry> RegistryFactory { get; init; }

    /// <summary>
    /// Opens the cluster source for one Analyze call. Throws <see cref="ClusterAccessException"/> when there is none
    /// (mapped to UNAVAILABLE).
    /// </summary>
    public required Func<IClusterSource> ClusterSource { get; init; }

    /// <summary>What the cluster source is, for logs and readiness (<c>snapshot /path</c>, <c>context prod</c>).</summary>
    public string ClusterDescription { get; init; } = "";

    public IReportExplainer Explainer { get; init; } = new UnavailableExplainer();

    /// <summary>gRPC port (HTTP/2; with TLS also HTTP/1.1 for the JSON routes). 0 picks a free port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Port of <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>.</summary>
    public int MetricsPort { get; init; } = 8081;

    /// <summary>Serve the JSON routes (<c>--http</c>).</summary>
    public bool Http { get; init; }

    /// <summary>
    /// HTTP/1.1 port of the JSON routes when TLS is off: Kestrel cannot serve h2c and HTTP/1.1 on one plain port.
    /// </summary>
    public int HttpPort { get; init; } = 8082;

    public IPAddress ListenAddress { get; init; } = IPAddress.Any;

    /// <summary><c>--backend</c>: the default backend, overriding <c>K8SGPT_BACKEND</c> and <c>ai.defaultprovider</c>.</summary>
    public string? Backend { get; init; }

    /// <summary><c>--filter</c>: analyzers used when a request names none (before <c>active_filters</c>).</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    public string? TlsCertPath { get; init; }

    public string? TlsKeyPath { get; init; }

    /// <summary>Bearer token every RPC and route needs, except health and metrics. Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>How long in-flight calls may run after a stop was asked for.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of one AI call made by Query.</summary>
    public TimeSpan AiCallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Replaces the default logging (JSON lines on stderr); tests capture logs this way.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    public bool TlsEnabled => !string.IsNullOrEmpty(TlsCertPath);
}
