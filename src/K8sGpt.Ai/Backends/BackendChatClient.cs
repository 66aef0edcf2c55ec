using System.Runtime.CompilerServices;
using System.Text.Json;
using K8sGpt.Ai.Http;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Backends;

/// <summary>
/// The client handed out by the registry: applies the provider's settings to a fresh <see cref="ChatOptions"/> per
/// call (the shared defaults are never mutated), and turns every failure or unusable answer into an
/// <see cref="AiBackendException"/> naming the backend.
/// </summary>
internal sealed class BackendChatClient(IChatClient inner, string backend, ChatOptions defaults) : DelegatingChatClient(inner)
{
    public string Backend => backend;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, Merge(options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw Translate(ex);
        }

        if (string.IsNullOrWhiteSpace(response.Text))
        {
            throw EmptyAnswer(null);
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Explanations are single answers; streaming is served by buffering the whole answer.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private ChatOptions Merge(ChatOptions? options)
    {
        var merged = defaults.Clone();
        if (options is null)
        {
            return merged;
        }

        merged.ModelId = options.ModelId ?? merged.ModelId;
        merged.Temperature = options.Temperature ?? merged.Temperature;
        merged.TopP = options.TopP ?? merged.TopP;
        merged.TopK = options.TopK ?? merged.TopK;
        merged.MaxOutputTokens = options.MaxOutputTokens ?? merged.MaxOutputTokens;
        merged.StopSequences = options.StopSequences ?? merged.StopSequences;
        if (options.AdditionalProperties is { Count: > 0 } extra)
        {
            merged.AdditionalProperties ??= [];
            foreach (var (key, value) in extra)
            {
                merged.AdditionalProperties[key] = value;
            }
        }

        return merged;
    }

    private AiBackendException EmptyAnswer(Exception? inner) =>
        new(backend, AiFailureKind.BadResponse, $"AI backend '{backend}' returned an empty answer (no choices or no text)", innerException: inner);

    private AiBackendException Translate(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case AiBackendException known:
                    return known;
                case ArgumentOutOfRangeException or IndexOutOfRangeException:
                    // The OpenAI SDK indexes the first choice; an empty choice list surfaces as an index error.
                    return EmptyAnswer(ex);
                case JsonException:
                    return new AiBackendException(backend, AiFailureKind.BadResponse, $"AI backend '{backend}' returned a response that is not valid JSON: {current.Message}", innerException: ex);
            }
        }

        return new AiBackendException(backend, AiFailureKind.BadResponse, $"AI backend '{backend}' returned a response that could not be used: {ex.Message}", innerException: ex);
    }
}
