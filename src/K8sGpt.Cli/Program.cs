using K8sGpt.Cli;
using K8sGpt.Cli.Infrastructure;

return await CliApp.RunAsync(args, ConsoleIo.FromSystem()).ConfigureAwait(false);
