using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace K8sGpt.Testing.FakeAi;

/// <summary>
/// An in-process AI endpoint on 127.0.0.1 (random port) speaking one real wire format. It records every request
/// and answers from a script (in order), then with a normal answer produced by <see cref="Responder"/>.
/// </summary>
public sealed class FakeAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeAiServer(WebApplication app, FakeAiDialect dialect)
    {
        _app = app;
        Dialect = dialect;
    }

    public FakeAiDialect Dialect { get; }

    /// <summary>Root URL, for example <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Url { get; private set; } = "";

    /// <summary>Produces the text of a normal answer from the prompt text the request carried.</summary>
    public Func<string, string> Responder { get; set; } = static _ => "Error: the container keeps crashing. Solution: check its logs.";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeAiServer> StartAsync(FakeAiDialect dialect)
    {
        var builder = WebApplication.CreateEmptyBuilder(new());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAiServer(app, dialect);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        server.Url = address.TrimEnd('/');
        return server;
    }

    /// <summary>Queues replies for the next requests, in order.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(static h => h.Key.ToLowerInvariant(), static h => h.Value.ToString());
        var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body);
        _requests.Enqueue(recorded);

        var reply = _script.TryDequeue(out var scripted) ? scripted : new FakeReply();
        if (reply.Hang)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its timeout) or the server is stopping: that is the point of hanging.
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        var (contentType, text) = reply.Body is not null
            ? (reply.ContentType, reply.Body)
            : FakeAiWire.Answer(Dialect, recorded, reply.Empty ? "" : reply.Text ?? Responder(FakeAiWire.PromptOf(Dialect, recorded)), reply.Empty);
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }
}
