using K8sGpt.Ai.Http;

namespace K8sGpt.Ai.Backends;

/// <summary>Run-time settings that are not in the config file: HTTP bounds and <c>--custom-headers</c>.</summary>
public sealed record BackendRuntime
{
    public static readonly BackendRuntime Default = new();

    public AiHttpOptions Http { get; init; } = AiHttpOptions.Default;

    /// <summary>Headers from the command line, used for a provider that has no <c>customheaders</c> of its own.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> FallbackHeaders { get; init; } = [];
}
