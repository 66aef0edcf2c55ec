using System.CommandLine;

namespace K8sGpt.Cli.Infrastructure;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Config file to use (default: $XDG_CONFIG_HOME/k8sgpt/k8sgpt.yaml)",
        Recursive = true,
    };

    public Option<string?> KubeConfig { get; } = new("--kubeconfig")
    {
        Description = "Path to a kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)",
        Recursive = true,
    };

    public Option<string?> KubeContext { get; } = new("--kubecontext")
    {
        Description = "Kubernetes context to use (default: the current context)",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print progress details to stderr",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Config, KubeConfig, KubeContext, Verbose];
}
