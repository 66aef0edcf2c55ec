using System.Collections.Concurrent;
using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Cache;
using K8sGpt.Ai.Http;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Findings;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Explain;

/// <summary>
/// Fills each result's <see cref="Finding.Details"/> from an AI backend. Identical (masked) inputs are explained
/// once; calls run concurrently within a bound; answers are cached; a failed call becomes one entry in the
/// report's errors and the run goes on; a rejected key stops further calls with one error.
/// </summary>
public sealed class Explainer(ReadyBackend backend, IResponseCache? cache, ExplainOptions options)
{
    /// <summary>Explains every result; <paramref name="progress"/> receives the number of results done so far.</summary>
    public async Task<AnalysisReport> ExplainAsync(AnalysisReport report, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (report.Results.Count == 0)
        {
            return report with { Provider = backend.Name };
        }

        var anonymizer = options.Anonymize ? Anonymizer.For(report.Results) : null;
        var inputs = report.Results.Select(r => Input(r, anonymizer)).ToArray();
        var groups = inputs.Select((input, index) => (input, index)).GroupBy(static x => x.input).ToArray();
        var answers = new ConcurrentDictionary<ExplainInput, string>();
        var errors = new ConcurrentQueue<string>();
        var state = new RunState();
        var done = 0;

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groups, parallel, async (group, ct) =>
        {
            var first = report.Results[group.First().index];
            var answer = await ExplainOneAsync(group.Key, first, state, errors, ct).ConfigureAwait(false);
            if (answer is not null)
            {
                answers[group.Key] = anonymizer?.Unmask(answer) ?? answer;
            }

            progress?.Report(Interlocked.Add(ref done, group.Count()));
        }).ConfigureAwait(false);

        var results = report.Results
            .Select((finding, index) => answers.TryGetValue(inputs[index], out var details) ? finding with { Details = details } : finding)
            .ToArray();
        return report with { Provider = backend.Name, Results = results, Errors = [.. report.Errors, .. errors] };
    }

    private ExplainInput Input(Finding finding, Anonymizer? anonymizer)
    {
        var text = string.Join(" ", finding.Failures.Select(static f => f.Text));
        return new ExplainInput(finding.Kind, anonymizer?.Mask(text) ?? text);
    }

    private async Task<string?> ExplainOneAsync(ExplainInput input, Finding first, RunState state, ConcurrentQueue<string> errors, CancellationToken cancellationToken)
    {
        var key = CacheKey.For(backend.Name, backend.Model, options.Language, PromptTemplates.Version + "/" + PromptTemplates.KeyFor(input.Kind), input.Text);
        if (cache is not null && await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        if (state.AuthFailed)
        {
            return null;
        }

        string answer;
        try
        {
            var chatOptions = new ChatOptions
            {
                AdditionalProperties = new() { [ExplainProperties.Language] = options.Language, [ExplainProperties.Message] = input.Text },
            };
            var prompt = PromptTemplates.Render(input.Kind, options.Language, input.Text);
            var response = await backend.Client.GetResponseAsync(prompt, chatOptions, cancellationToken).ConfigureAwait(false);
            answer = response.Text;
        }
        catch (AiBackendException ex) when (ex.Kind == AiFailureKind.Unauthorized)
        {
            if (state.TryMarkAuthFailed())
            {
                errors.Enqueue($"explain: {ex.Message}; no further explanations were requested from '{backend.Name}'");
            }

            return null;
        }
        catch (AiBackendException ex)
        {
            errors.Enqueue($"explain {first.Kind} {first.Name}: {ex.Message}");
            return null;
        }

        if (cache is not null)
        {
            try
            {
                await cache.SetAsync(key, answer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Enqueue($"explain: cannot write the response cache: {ex.Message}");
            }
        }

        return answer;
    }

    private sealed record ExplainInput(string Kind, string Text);

    private sealed class RunState
    {
        private int _authFailed;

        public bool AuthFailed => Volatile.Read(ref _authFailed) == 1;

        public bool TryMarkAuthFailed() => Interlocked.Exchange(ref _authFailed, 1) == 0;
    }
}
