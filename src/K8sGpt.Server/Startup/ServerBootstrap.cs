using System.Text;
using K8sGpt.Ai.Registry;
using K8sGpt.Core.Config;
using K8sGpt.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace K8sGpt.Server.Startup;

/// <summary>
/// The start-up sequence, before any port is bound: load config, merge the environment provider, build and
/// validate every backend, pick the default. A named default that is not usable stops the start.
/// </summary>
public static class ServerBootstrap
{
    /// <exception cref="ServeStartupException">The server cannot start; the message names every problem and its fix.</exception>
    public static ServerState Prepare(ServeSettings settings, ILogger logger)
    {
        var store = new ConfigStore(settings.ConfigPath);
        K8sGptConfig config;
        try
        {
            config = store.Load();
        }
        catch (ConfigException ex)
        {
            throw new ServeStartupException(ex.Message, ex);
        }

        ServerLog.ConfigLoaded(logger, store.Path, config.Ai.Providers.Count);

        var envProvider = EnvironmentProvider.Read(settings.Environment, settings.Backend is { Length: > 0 } b ? b : "openai");
        if (envProvider is not null)
        {
            var others = config.Ai.Providers.Where(p => !string.Equals(p.Name, envProvider.Name, StringComparison.OrdinalIgnoreCase));
            config = config with { Ai = config.Ai with { Providers = [.. others, envProvider] } };
            ServerLog.EnvironmentProviderAdded(logger, envProvider.Name);
        }

        var registry = settings.RegistryFactory(config);
        foreach (var validated in registry.Statuses)
        {
            ServerLog.BackendValidated(logger, validated.Name, validated.State.ToString());
        }

        var defaultName = PickDefault(settings, config);
        if (defaultName.Length == 0)
        {
            if (registry.Statuses.Count == 0)
            {
                ServerLog.NoBackend(logger);
            }
            else
            {
                ServerLog.NoDefaultBackend(logger, string.Join(", ", registry.Statuses.Select(static s => s.Name)));
            }

            WarnInvalid(registry, logger, "");
            return new ServerState(store, config, registry, "");
        }

        var status = registry.Find(defaultName)
            ?? throw new ServeStartupException(NotConfigured(defaultName, registry));
        if (!status.IsReady)
        {
            throw new ServeStartupException(Describe($"the default AI backend \"{status.Name}\" is not usable ({status.State})", status));
        }

        ServerLog.DefaultBackend(logger, status.Name);
        WarnInvalid(registry, logger, status.Name);
        return new ServerState(store, config, registry, status.Name);
    }

    /// <summary><c>--backend</c>, else <c>K8SGPT_BACKEND</c>, else <c>ai.defaultprovider</c>, else none.</summary>
    private static string PickDefault(ServeSettings settings, K8sGptConfig config)
    {
        if (settings.Backend is { Length: > 0 } flag)
        {
            return flag.Trim();
        }

        if (settings.Environment("K8SGPT_BACKEND") is { Length: > 0 } env && env.Trim().Length > 0)
        {
            return env.Trim();
        }

        return config.Ai.DefaultProvider.Trim();
    }

    private static void WarnInvalid(IBackendRegistry registry, ILogger logger, string defaultName)
    {
        foreach (var status in registry.Statuses.Where(s => !s.IsReady && !string.Equals(s.Name, defaultName, StringComparison.OrdinalIgnoreCase)))
        {
            ServerLog.BackendNotUsable(logger, status.Name, status.State.ToString(), string.Join("; ", status.Problems.Select(static p => $"{p.Setting}: {p.Message}")));
        }
    }

    /// <summary>A backend's name, state, every problem and the command that fixes each.</summary>
    public static string Describe(string headline, BackendStatus status)
    {
        var text = new StringBuilder(headline).Append(':');
        foreach (var problem in status.Problems)
        {
            text.Append("\n  - ").Append(problem.Setting).Append(": ").Append(problem.Message);
            if (problem.Fix.Length > 0)
            {
                text.Append("\n    fix: ").Append(problem.Fix);
            }
        }

        if (status.Problems.Count == 0)
        {
            text.Append("\n  - no details were given for this backend");
        }

        return text.ToString();
    }

    public static string NotConfigured(string name, IBackendRegistry registry)
    {
        var configured = registry.Statuses.Count == 0 ? "none" : string.Join(", ", registry.Statuses.Select(static s => s.Name));
        return $"the AI backend \"{name}\" is not configured (configured backends: {configured})\n" +
            $"  fix: k8sgpt auth add --backend {name} (or set K8SGPT_BACKEND, K8SGPT_PASSWORD, K8SGPT_MODEL, ... for serve)";
    }
}
