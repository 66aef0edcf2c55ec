using System.CommandLine;
using K8sGpt.Ai.Backends;
using K8sGpt.Ai.Registry;
using K8sGpt.Cli.Infrastructure;
using Spectre.Console;
using K8sGpt.Core.Config;

namespace K8sGpt.Cli.Commands;

/// <summary><c>k8sgpt auth add</c>: configures a new provider; never overwrites one (that is <c>auth update</c>).</summary>
public sealed class AuthAddCommand(ConsoleIo io, GlobalOptions globals)
{
    private readonly AuthOptions _options = new();

    public Command Build()
    {
        var command = new Command("add", "Add an AI backend provider");
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
            io.WriteWarning("no --backend given, using openai");
            backendFlag = BackendNames.OpenAi;
        }

        var name = AuthChecks.BackendName(backendFlag);
        var temperature = parse.GetValue(_options.Temperature);
        var topP = parse.GetValue(_options.TopP);
        var topK = parse.GetValue(_options.TopK);
        AuthChecks.Range("temperature", temperature, 0, 1);
        AuthChecks.Range("topp", topP, 0, 1);
        AuthChecks.Range("topk", topK, 1, 100);
        var apiType = AuthChecks.AzureApiType(parse.GetValue(_options.AzureApiType) ?? "");

        if (context.ConfigStore.Load().Ai.Find(name) is not null)
        {
            throw new UsageException($"provider '{name}' is already configured; change it with `k8sgpt auth update --backend {name}`");
        }

        var provider = new AiProviderConfig
        {
            Name = name,
            Model = parse.GetValue(_options.Model) is { Length: > 0 } model ? model : DefaultModel(name),
            Password = parse.GetValue(_options.Password) ?? "",
            BaseUrl = parse.GetValue(_options.BaseUrl) ?? "",
            EndpointName = parse.GetValue(_options.EndpointName) ?? "",
            Engine = parse.GetValue(_options.Engine) ?? "",
            Temperature = Math.Round(temperature, 4),
            TopP = Math.Round(topP, 4),
            TopK = topK,
            MaxTokens = parse.GetValue(_options.MaxTokens),
            StopSequences = parse.GetValue(_options.StopSequences) ?? [],
            ProviderRegion = parse.GetValue(_options.ProviderRegion) ?? "",
            ProviderId = parse.GetValue(_options.ProviderId) ?? "",
            CompartmentId = parse.GetValue(_options.CompartmentId) ?? "",
            OrganizationId = parse.GetValue(_options.OrganizationId) ?? "",
            AzureApiType = apiType,
            AzureApiVersion = parse.GetValue(_options.AzureApiVersion) ?? "",
        };

        var status = BackendRegistry.Validate(provider);
        var missingKey = status.Problems.Any(static p => p.Setting == "password") && !BackendNames.PasswordLess.Contains(name);
        var others = status.Problems.Where(static p => p.Setting != "password").ToArray();
        if (status.State == BackendState.Invalid && others.Length > 0)
        {
            var lines = others.Select(p => $"  - {p.Message}: add it with {p.Fix.Replace("auth update", "auth add", StringComparison.Ordinal)}");
            throw new UsageException($"cannot add '{name}':{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }

        if (missingKey)
        {
            provider = provider with { Password = AuthSecretPrompt.Read(io, name) };
        }

        await context.ConfigStore.UpdateAsync(
            config =>
            {
                if (config.Ai.Find(name) is not null)
                {
                    throw new UsageException($"provider '{name}' is already configured; change it with `k8sgpt auth update --backend {name}`");
                }

                return config with { Ai = config.Ai with { Providers = [.. config.Ai.Providers, provider] } };
            },
            cancellationToken).ConfigureAwait(false);

        if (status.State == BackendState.Unsupported)
        {
            io.WriteWarning($"backend '{name}' is not supported yet by this version: it is saved, but --explain cannot use it");
        }

        io.Out.MarkupLineInterpolated($"[green]{name} added to the AI backend provider list[/]");
        return ExitCodes.Success;
    }

    private static string DefaultModel(string name) => name switch
    {
        BackendNames.OpenAi => "gpt-4o",
        BackendNames.Anthropic => "claude-3-5-sonnet-latest",
        BackendNames.Ollama => "llama3",
        _ => "",
    };
}
