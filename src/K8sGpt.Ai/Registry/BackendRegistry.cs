using K8sGpt.Ai.Backends;
using K8sGpt.Core.Config;
using Microsoft.Extensions.AI;

namespace K8sGpt.Ai.Registry;

/// <summary>
/// Validates every configured provider once and builds a client for each valid one. Clients are built once with
/// immutable settings and are safe for concurrent calls; the registry itself is immutable after construction.
/// </summary>
public sealed class BackendRegistry : IBackendRegistry
{
    private readonly Dictionary<string, BackendStatus> _statuses;
    private readonly Dictionary<string, ReadyBackend> _ready;

    private BackendRegistry(IReadOnlyList<BackendStatus> statuses, Dictionary<string, ReadyBackend> ready)
    {
        Statuses = statuses;
        _statuses = statuses.ToDictionary(static s => s.Name, StringComparer.OrdinalIgnoreCase);
        _ready = ready;
    }

    public IReadOnlyList<BackendStatus> Statuses { get; }

    /// <summary>Builds the registry from the <c>ai</c> section; the first entry of a repeated name wins.</summary>
    public static BackendRegistry Create(AiConfig ai, BackendRuntime? runtime = null)
    {
        runtime ??= BackendRuntime.Default;
        var statuses = new List<BackendStatus>();
        var ready = new Dictionary<string, ReadyBackend>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in ai.Providers)
        {
            if (!seen.Add(provider.Name.Trim()))
            {
                continue;
            }

            var status = Validate(provider);
            statuses.Add(status);
            if (status.IsReady && BackendCatalog.Find(status.Name) is { } backend)
            {
                var normalised = provider with { Name = status.Name };
                var model = ProviderChecks.Model(normalised, backend.DefaultModel);
                ready[status.Name] = new ReadyBackend(status.Name, status.Name == BackendNames.AzureOpenAi ? provider.Engine : model, backend.Create(normalised, runtime));
            }
        }

        return new BackendRegistry(statuses, ready);
    }

    /// <summary>Validates one provider entry without building anything (used by <c>auth</c> commands).</summary>
    public static BackendStatus Validate(AiProviderConfig provider) => BackendCatalog.Validate(provider);

    public BackendStatus? Find(string name) => _statuses.GetValueOrDefault(name.Trim());

    public bool TryGetClient(string name, out IChatClient? client, out BackendStatus? status)
    {
        status = Find(name);
        var found = TryGetBackend(name, out var backend);
        client = backend?.Client;
        return found;
    }

    /// <summary>A ready backend with its model (for cache keys and reports).</summary>
    public bool TryGetBackend(string name, out ReadyBackend? backend) => _ready.TryGetValue(name.Trim(), out backend);
}
