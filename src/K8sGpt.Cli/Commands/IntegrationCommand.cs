using System.CommandLine;
using System.CommandLine.Help;
using K8sGpt.Cli.Infrastructure;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Integrations;
using Spectre.Console;

namespace K8sGpt.Cli.Commands;

/// <summary>
/// <c>k8sgpt integration</c> (alias <c>integrations</c>): list, activate and deactivate integrations. Activation only
/// edits <c>active_filters</c> after checking that the cluster serves the custom resources the integration needs;
/// nothing is ever installed in or removed from the cluster.
/// </summary>
public sealed class IntegrationCommand(ConsoleIo io, GlobalOptions globals, AnalyzerCatalog? catalog = null)
{
    private readonly AnalyzerCatalog _catalog = catalog ?? AnalyzerCatalog.Default;

    private readonly Option<string?> _snapshot = new("--snapshot")
    {
        Description = "Check the custom resources against a saved snapshot instead of the live cluster",
    };

    public Command Build()
    {
        var command = new Command("integration", "Activate or deactivate integrations (KEDA, Kyverno, Trivy operator, ...) and their analyzers");
        command.Aliases.Add("integrations");
        command.Subcommands.Add(BuildList());
        command.Subcommands.Add(BuildActivate());
        command.Subcommands.Add(BuildDeactivate());
        command.SetAction(static parse => new HelpAction().Invoke(parse));
        return command;
    }

    /// <summary>Integrations whose analyzers this build has.</summary>
    private IReadOnlyList<Integration> Available =>
        IntegrationCatalog.All.Where(i => i.Analyzers.All(a => _catalog.Get(a) is not null)).ToArray();

    private Command BuildList()
    {
        var command = new Command("list", "Show active and unused integrations, their analyzers and whether their custom resources are installed") { _snapshot };
        command.SetAction(CliApp.Guarded(io, globals, async (context, ct) =>
        {
            var active = context.ConfigStore.Load().ActiveFilters;
            var integrations = Available;
            IReadOnlyDictionary<Core.Snapshot.ResourceType, bool> served;
            try
            {
                served = await IntegrationResourceCheck.CheckAsync(context, context.ParseResult.GetValue(_snapshot), [.. integrations.SelectMany(static i => i.Resources)], ct).ConfigureAwait(false);
            }
            catch (ClusterAccessException ex)
            {
                // Listing is about the configuration: an unreachable cluster only leaves the resource column unknown.
                io.WriteWarning($"custom resources not checked: {ex.Message}");
                served = new Dictionary<Core.Snapshot.ResourceType, bool>();
            }

            IntegrationListRenderer.Render(integrations, active, served, io.Out);
            return ExitCodes.Success;
        }));
        return command;
    }

    private Command BuildActivate()
    {
        var name = new Argument<string>("name") { Description = "Integration to activate (k8sgpt integration list shows them)" };
        var force = new Option<bool>("--force", "-f")
        {
            Description = "Activate even when the cluster does not serve the integration's custom resources (or cannot be reached)",
        };
        var noInstall = new Option<bool>("--no-install", "-s")
        {
            Description = "Accepted for compatibility: k8sgpt never installs anything in the cluster",
        };
        var command = new Command("activate", "Add an integration's analyzers to active_filters, after checking its custom resources exist") { name, force, noInstall, _snapshot };
        command.SetAction(CliApp.Guarded(io, globals, async (context, ct) =>
        {
            var integration = Find(context.ParseResult.GetValue(name));
            if (!context.ParseResult.GetValue(force))
            {
                await EnsureResourcesAsync(context, integration, ct).ConfigureAwait(false);
            }

            IReadOnlyList<string> added = [];
            await context.ConfigStore.UpdateAsync(
                c =>
                {
                    (var filters, added) = IntegrationFilters.Activate(_catalog, c.ActiveFilters, integration);
                    return added.Count == 0 ? c : c with { ActiveFilters = filters };
                },
                ct).ConfigureAwait(false);

            if (added.Count == 0)
            {
                io.Out.MarkupLineInterpolated($"[green]Integration {integration.Name} is already active[/] ({string.Join(", ", integration.Activated)} in active_filters)");
            }
            else
            {
                io.Out.MarkupLineInterpolated($"[green]Integration {integration.Name} activated:[/] {string.Join(", ", added)} added to active_filters");
            }

            // Say what activation did not establish, so "activated" is not read as "will find something".
            if (integration.Resources.Count == 0)
            {
                io.Out.MarkupLineInterpolated($"Note: {integration.InstallHint}");
            }
            else if (context.ParseResult.GetValue(force))
            {
                io.Out.MarkupLineInterpolated($"Note: custom resources not checked (--force); while the cluster lacks them these analyzers are skipped with a note. To {integration.InstallHint}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private Command BuildDeactivate()
    {
        var name = new Argument<string>("name") { Description = "Integration to deactivate" };
        var command = new Command("deactivate", "Remove an integration's analyzers from active_filters (nothing is uninstalled)") { name };
        command.SetAction(CliApp.Guarded(io, globals, async (context, ct) =>
        {
            var integration = Find(context.ParseResult.GetValue(name));
            IReadOnlyList<string> removed = [];
            await context.ConfigStore.UpdateAsync(
                c =>
                {
                    (var filters, removed) = IntegrationFilters.Deactivate(c.ActiveFilters, integration);
                    return removed.Count == 0
                        ? throw new UsageException($"integration {integration.Name} is not active (none of {string.Join(", ", integration.Analyzers)} is in active_filters)")
                        : c with { ActiveFilters = filters };
                },
                ct).ConfigureAwait(false);

            io.Out.MarkupLineInterpolated($"[green]Integration {integration.Name} deactivated:[/] {string.Join(", ", removed.Select(r => _catalog.Canonical(r) ?? r))} removed from active_filters");
            return ExitCodes.Success;
        }));
        return command;
    }

    private Integration Find(string? name)
    {
        var known = Available;
        if (known.FirstOrDefault(i => string.Equals(i.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } integration)
        {
            return integration;
        }

        var missing = IntegrationCatalog.Find(name ?? "");
        throw new UsageException(missing is null
            ? $"integration \"{name}\" does not exist. Integrations: {string.Join(", ", known.Select(static i => i.Name))}"
            : $"integration {missing.Name} is not available in this build (its analyzers {string.Join(", ", missing.Analyzers)} are not implemented yet). Integrations: {string.Join(", ", known.Select(static i => i.Name))}");
    }

    private async Task EnsureResourcesAsync(CommandContext context, Integration integration, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<Core.Snapshot.ResourceType, bool> served;
        try
        {
            served = await IntegrationResourceCheck.CheckAsync(context, context.ParseResult.GetValue(_snapshot), integration.Resources, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterAccessException ex)
        {
            throw new ClusterAccessException($"{ex.Message}\ncannot check whether the cluster serves what {integration.Name} needs; pass --force to activate it without checking", ex);
        }

        var unknown = integration.Resources.Where(r => !served.ContainsKey(r)).ToArray();
        if (unknown.Length > 0)
        {
            io.WriteWarning($"the snapshot does not say whether the cluster serves {string.Join(", ", unknown.Select(static r => $"{r.Plural}.{r.Group}"))}; activating without that check");
        }

        var missing = IntegrationResourceCheck.Missing(integration, served);
        if (missing.Count > 0)
        {
            var what = string.Join(", ", missing.Select(static r => $"{r.Kind} ({r.Plural}.{r.Group}, {r.ApiVersion})"));
            throw new UsageException(
                $"integration {integration.Name} was not activated: the cluster does not serve {what}.\n"
                + $"To {integration.InstallHint}\n"
                + $"Then run k8sgpt integration activate {integration.Name} again (or pass --force to activate it now; its analyzers are skipped with a note until the resources exist).");
        }
    }
}
