using Grpc.Core;
using Grpc.Net.Client;
using K8sGpt.Core.Config;
using K8sGpt.Core.Findings;
using K8sGpt.Server.Schema.V1;

namespace K8sGpt.Server.CustomAnalyzers;

/// <summary>
/// Calls every configured custom analyzer (<c>schema.v1.CustomAnalyzerService/Run</c> over plaintext gRPC),
/// concurrently within a bound, each call with a deadline. A failing analyzer becomes one error entry.
/// </summary>
public sealed class CustomAnalyzerRunner(TimeSpan callTimeout)
{
    /// <summary>How long one analyzer may take before its call is abandoned.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(30);

    public CustomAnalyzerRunner()
        : this(DefaultCallTimeout)
    {
    }

    /// <summary>Runs the analyzers; results and errors keep the configured order.</summary>
    public async Task<CustomAnalysisOutcome> RunAsync(
        IReadOnlyList<CustomAnalyzerConfig> analyzers,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        var findings = new Finding?[analyzers.Count];
        var errors = new string?[analyzers.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, analyzers.Count), options, async (index, token) =>
        {
            var analyzer = analyzers[index];
            try
            {
                var result = await CallAsync(analyzer, token).ConfigureAwait(false);
                findings[index] = result is null ? null : CustomResultMapper.ToFinding(result, analyzer.Name);
            }
            catch (RpcException e) when (!token.IsCancellationRequested)
            {
                errors[index] = $"[{analyzer.Name}] {e.StatusCode}: {e.Status.Detail}";
            }
            catch (UriFormatException e)
            {
                errors[index] = $"[{analyzer.Name}] {StatusCode.InvalidArgument}: bad address {analyzer.Url}:{analyzer.Port}: {e.Message}";
            }
        }).ConfigureAwait(false);

        return new CustomAnalysisOutcome(
            findings.OfType<Finding>().ToArray(),
            errors.OfType<string>().ToArray());
    }

    private async Task<Result?> CallAsync(CustomAnalyzerConfig analyzer, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(AddressOf(analyzer));
        var client = new CustomAnalyzerService.CustomAnalyzerServiceClient(channel);
        var response = await client.RunAsync(
            new RunRequest(),
            deadline: DateTime.UtcNow.Add(callTimeout),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return IsEmpty(response.Result) ? null : response.Result;
    }

    private static bool IsEmpty(Result? result) =>
        result is null || (result.Kind.Length == 0 && result.Name.Length == 0 && result.Error.Count == 0);

    /// <summary>The configured url is a host name; an explicit scheme is kept as given.</summary>
    private static Uri AddressOf(CustomAnalyzerConfig analyzer)
    {
        var url = analyzer.Url.Trim();
        var withScheme = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        return new Uri($"{withScheme}:{analyzer.Port.Trim()}");
    }
}
