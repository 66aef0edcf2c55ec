using System.CommandLine;
using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Infrastructure;
using Spectre.Console;
using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt auth update</c>: changes only the settings whose flags are given.</summary>
public sealed class AuthUpdateCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly AuthOptions _options = new();

    public Command Build()
    {
        var command = new Command("update", "Update a configured AI backend provider (only the flags given change)");
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(CliApp.Guarded(io, globals, ExecuteAsync));
        return command;
    }

    private async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var backendFlag = parse.GetValue(_options.Backend) ?? "";
        if (backendFlag.Trim().Length == 0)
        {
            throw new UsageException("--backend is required: which provider to update");
        }

        var name = AuthChecks.BackendName(backendFlag);
        if (Given(_options.OrganizationId) && name is not (BackendNames.OpenAi or BackendNames.AzureOpenAi))
        {
            throw new UsageException("--organizationId only applies to openai and azureopenai");
        }

        if (Given(_options.Temperature))
        {
            AuthChecks.Range("temperature", parse.GetValue(_options.Temperature), 0, 1);
        }

        if (Given(_options.TopP))
        {
            AuthChecks.Range("topp", parse.GetValue(_options.TopP), 0, 1);
        }

        if (Given(_options.TopK))
        {
            AuthChecks.Range("topk", parse.GetValue(_options.TopK), 1, 100);
        }

        var apiType = AuthChecks.AzureApiType(parse.GetValue(_options.AzureApiType) ?? "");
        var changed = new List<string>();
        AiProviderConfig? updated = null;
        await context.ConfigStore.UpdateAsync(
            config =>
            {
                var existing = config.Ai.Find(name) ?? throw new UsageException($"provider '{name}' is not configured; add it with `k8sgpt auth add --backend {name}`");
                changed.Clear();
                updated = Apply(existing, apiType, changed);
                var providers = config.Ai.Providers.Select(p => ReferenceEquals(p, existing) ? updated : p).ToArray();
                return config with { Ai = config.Ai with { Providers = providers } };
            },
            cancellationToken).ConfigureAwait(false);

        if (changed.Count == 0)
        {
            io.WriteWarning($"nothing to change for '{name}': give the settings to update (for example --model, --baseurl, --password)");
        }

        foreach (var setting in changed)
        {
            io.Out.MarkupLineInterpolated($"[blue]{name}: {setting} updated[/]");
        }

        foreach (var problem in BackendRegistry.Validate(updated!).Problems)
        {
            io.WriteWarning($"{name}: {problem.Message}; fix: {problem.Fix}");
        }

        return ExitCodes.Success;

        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

        AiProviderConfig Apply(AiProviderConfig p, string azureApiType, List<string> names)
        {
            string Text(Option<string> option, string current, string label)
            {
                if (!Given(option))
                {
                    return current;
                }

                names.Add(label);
                return parse.GetValue(option) ?? "";
            }

            var result = p with
            {
                Model = Text(_options.Model, p.Model, "model"),
                Password = Text(_options.Password, p.Password, "key"),
                BaseUrl = Text(_options.BaseUrl, p.BaseUrl, "base URL"),
                EndpointName = Text(_options.EndpointName, p.EndpointName, "endpoint name"),
                Engine = Text(_options.Engine, p.Engine, "engine"),
                ProviderRegion = Text(_options.ProviderRegion, p.ProviderRegion, "region"),
                ProviderId = Text(_options.ProviderId, p.ProviderId, "provider id"),
                CompartmentId = Text(_options.CompartmentId, p.CompartmentId, "compartment id"),
                OrganizationId = Text(_options.OrganizationId, p.OrganizationId, "organization id"),
                AzureApiVersion = Text(_options.AzureApiVersion, p.AzureApiVersion, "Azure API version"),
            };
            if (Given(_options.AzureApiType))
            {
                result = result with { AzureApiType = azureApiType };
                names.Add("Azure API type");
            }

            if (Given(_options.Temperature))
            {
                result = result with { Temperature = Math.Round(parse.GetValue(_options.Temperature), 4) };
                names.Add("temperature");
            }

            if (Given(_options.TopP))
            {
                result = result with { TopP = Math.Round(parse.GetValue(_options.TopP), 4) };
                names.Add("top-p");
            }

            if (Given(_options.TopK))
            {
                result = result with { TopK = parse.GetValue(_options.TopK) };
                names.Add("top-k");
            }

            if (Given(_options.MaxTokens))
            {
                result = result with { MaxTokens = parse.GetValue(_options.MaxTokens) };
                names.Add("max tokens");
            }

            if (Given(_options.StopSequences))
            {
                result = result with { StopSequences = parse.GetValue(_options.StopSequences) ?? [] };
                names.Add("stop sequences");
            }

            return result;
        }
    }
}
