using System.Net;
using Grpc.Core;
using K8sGpt.Server.Schema.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// A custom analyzer speaking <c>schema.v1.CustomAnalyzerService</c> over plaintext HTTP/2 on 127.0.0.1 (a free
/// port): it answers every <c>Run</c> with a fixed response and counts the calls.
/// </summary>
internal sealed class FakeCustomAnalyzer : CustomAnalyzerService.CustomAnalyzerServiceBase, IAsyncDisposable
{
    private readonly RunResponse _response;
    private WebApplication? _app;
    private int _calls;

    private FakeCustomAnalyzer(RunResponse response) => _response = response;

    public int Calls => Volatile.Read(ref _calls);

    public int Port { get; private set; }

    public static async Task<FakeCustomAnalyzer> StartAsync(RunResponse response)
    {
        var fake = new FakeCustomAnalyzer(response);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(fake);
        fake._app = builder.Build();
        fake._app.UseRouting();
        fake._app.MapGrpcService<FakeCustomAnalyzer>();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Port = new Uri(address).Port;
        return fake;
    }

    public override Task<RunResponse> Run(RunRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(_response);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
