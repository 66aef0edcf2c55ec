using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace K8sGpt.Testing.FakeAiServe;

/// <summary>
/// A small chat-completions endpoint on 127.0.0.1 (a free port) that speaks the OpenAI and Azure OpenAI shapes:
/// it records every request and answers with <see cref="Reply"/>, which a test may change between calls.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeChatRequest> _requests = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    private FakeChatServer(WebApplication app, Func<FakeChatRequest, FakeChatReply> reply)
    {
        _app = app;
        Reply = reply;
    }

    /// <summary>Chooses the answer for each request.</summary>
    public Func<FakeChatRequest, FakeChatReply> Reply { get; set; }

    public IReadOnlyCollection<FakeChatRequest> Requests => _requests.ToArray();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static async Task<FakeChatServer> StartAsync(Func<FakeChatRequest, FakeChatReply> reply)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new FakeChatServer(app, reply);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers every request with a fixed text.</summary>
    public static Task<FakeChatServer> AnsweringAsync(string content) => StartAsync(_ => FakeChatReply.Answer(content));

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new FakeChatRequest(
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            body);
        _requests.Enqueue(request);
        _arrivals.Release();
        var reply = Reply(request);
        if (reply.HoldUntil is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (reply.Hang)
        {
            // Hold the request until the client gives up (or the fake stops).
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Completes when one more request has arrived (requests are counted, none is missed).</summary>
    public Task WaitForRequestAsync(CancellationToken cancellationToken) => _arrivals.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _arrivals.Dispose();
    }
}
