using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sGpt.Core.Analysis;
using K8sGpt.Server.Guard;
using K8sGpt.Server.Observability;
using K8sGpt.Server.Services;
using K8sGpt.Server.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace K8sGpt.Server.Hosting;

/// <summary>
/// Builds and starts the serve host: gRPC (+ reflection, health) on the main port, optional JSON routes,
/// and <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c> on the metrics port.
/// </summary>
public static class K8sGptServer
{
    /// <summary>Runs the start-up checks, then binds and starts. Nothing is bound when a check fails.</summary>
    /// <exception cref="ServeStartupException">The server cannot start; the message says why and how to fix it.</exception>
    public static async Task<RunningServer> StartAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(b => ConfigureLogging(b, settings));
        var state = ServerBootstrap.Prepare(settings, loggerFactory.CreateLogger("K8sGpt.Server.Startup"));
        var certificate = LoadCertificate(settings);
        var endpoints = new BoundEndpoints();
        var app = Build(settings, state, certificate, endpoints);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ServeStartupException($"cannot listen: {ex.Message}; choose other ports with --port, --metrics-port, --http-port", ex);
        }

        var running = new RunningServer(app, endpoints.Port("grpc"), endpoints.Port("metrics"), endpoints.Has("http") ? endpoints.Port("http") : null);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("K8sGpt.Server");
        var scheme = certificate is null ? "http" : "https";
        var http = !settings.Http ? "off" : running.HttpPort is { } hp ? $"http://{settings.ListenAddress}:{hp}" : $"{scheme}://{settings.ListenAddress}:{running.GrpcPort}";
        ServerLog.Listening(logger, $"{scheme}://{settings.ListenAddress}:{running.GrpcPort}", $"http://{settings.ListenAddress}:{running.MetricsPort}", http, settings.ClusterDescription);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => ServerLog.Stopping(logger, "signal, Shutdown RPC or host stop", settings.DrainTimeout.TotalSeconds));
        lifetime.ApplicationStopped.Register(() => ServerLog.Stopped(logger));
        return running;
    }

    private static WebApplication Build(ServeSettings settings, ServerState state, X509Certificate2? certificate, BoundEndpoints endpoints)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "k8sgpt" });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.ListenAddress, settings.Port, listen =>
            {
                // Without TLS, gRPC needs an HTTP/2-only endpoint (h2c); with TLS, ALPN serves both on one port.
                listen.Protocols = certificate is null ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }

                endpoints.Add("grpc", listen);
            });
            kestrel.Listen(settings.ListenAddress, settings.MetricsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                endpoints.Add("metrics", listen);
            });
            if (settings.Http && certificate is null)
            {
                kestrel.Listen(settings.ListenAddress, settings.HttpPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    endpoints.Add("http", listen);
                });
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.DrainTimeout);
        ConfigureLogging(builder.Logging, settings);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddSingleton<BackendResolver>();
        builder.Services.AddSingleton(new AnalysisPipeline());
        var grpc = builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ServerGuardInterceptor>();
            o.EnableDetailedErrors = false;
        });
        if (settings.Http)
        {
            grpc.AddJsonTranscoding(o => o.JsonSettings.IgnoreDefaultValues = false);
        }

        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck("serving", static () => HealthCheckResult.Healthy("serving"));

        var app = builder.Build();
        app.Use(MetricsPortMiddleware.Create(endpoints));
        app.MapGrpcService<AnalyzerService>();
        app.MapGrpcService<QueryService>();
        app.MapGrpcService<ConfigService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, ServeSettings settings)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);

        // The host's only error is "Hosting failed to start" with Kestrel's stack trace; StartAsync reports that
        // failure itself in one actionable line (the server runs no BackgroundService whose failure it would hide).
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        if (settings.ConfigureLogging is { } configure)
        {
            configure(logging);
            return;
        }

        logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new() { Indented = false };
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static X509Certificate2? LoadCertificate(ServeSettings settings)
    {
        if (string.IsNullOrEmpty(settings.TlsCertPath) && string.IsNullOrEmpty(settings.TlsKeyPath))
        {
            return null;
        }

        if (string.IsNullOrEmpty(settings.TlsCertPath) || string.IsNullOrEmpty(settings.TlsKeyPath))
        {
            throw new ServeStartupException("TLS needs both --tls-cert and --tls-key (PEM files)");
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(settings.TlsCertPath, settings.TlsKeyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new ServeStartupException($"cannot load the TLS certificate {settings.TlsCertPath} with key {settings.TlsKeyPath}: {ex.Message}", ex);
        }
    }
}
