using System.Diagnostics;
using K8sGpt.Ai.Http;
using K8sGpt.Server.Explain;
using Microsoft.Extensions.AI;

namespace K8sGpt.Cli.Commands;

/// <summary>Times each call to the backend and tells an observer how it ended; the call itself is unchanged.</summary>
internal sealed class ObservedChatClient(IChatClient inner, IExplainObserver observer) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            observer.AiCall(Stopwatch.GetElapsedTime(started), failure: null);
            return response;
        }
        catch (AiBackendException ex)
        {
            observer.AiCall(Stopwatch.GetElapsedTime(started), ex.Kind);
            throw;
        }
    }
}
