using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K8sGpt.Server.Hosting;

/// <summary>A started server and the ports it is bound to (the real ones when 0 was asked for).</summary>
public sealed class RunningServer(WebApplication app, int grpcPort, int metricsPort, int? httpPort) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public int GrpcPort { get; } = grpcPort;

    public int MetricsPort { get; } = metricsPort;

    /// <summary>Port of the HTTP/1.1 JSON routes, or null when <c>--http</c> is off or TLS serves them on the gRPC port.</summary>
    public int? HttpPort { get; } = httpPort;

    /// <summary>Completes when a stop was asked for (signal, Shutdown RPC or <see cref="StopAsync"/>).</summary>
    public async Task WaitForStopRequestAsync(CancellationToken cancellationToken)
    {
        var lifetime = App.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStopping = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        using var onCancel = cancellationToken.Register(() => stopping.TrySetResult());
        await stopping.Task.ConfigureAwait(false);
    }

    /// <summary>Stops accepting, lets in-flight calls finish (within the drain bound), then stops.</summary>
    public Task StopAsync() => App.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
