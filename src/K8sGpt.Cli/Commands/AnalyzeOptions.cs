using System.CommandLine;

namespace K8sGpt.Cli.Commands;

/// <summary>The flags of <c>k8sgpt analyze</c>, with the reference tool's names and short forms.</summary>
public sealed class AnalyzeOptions
{
    public static readonly string[] OutputFormats = ["text", "json"];

    public Option<string> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace to analyze (default: all namespaces)", DefaultValueFactory = _ => "" };

    public Option<bool> NoCache { get; } = new("--no-cache", "-c") { Description = "Neither read nor write cached explanations" };

    public Option<bool> Anonymize { get; } = new("--anonymize", "-a") { Description = "Mask names and other identifiers before anything is sent to the AI backend" };

    public Option<string[]> Filter { get; } = new("--filter", "-f")
    {
        Description = "Analyzers to run, comma-separated or repeated (see `k8sgpt filters list`)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> Explain { get; } = new("--explain", "-e") { Description = "Explain each problem with the AI backend" };

    public Option<string> Backend { get; } = new("--backend", "-b") { Description = "AI backend to use (default: ai.defaultprovider from config)", DefaultValueFactory = _ => "" };

    public Option<string> Output { get; } = new("--output", "-o") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };

    public Option<string> Language { get; } = new("--language", "-l") { Description = "Language of the explanations", DefaultValueFactory = _ => "english" };

    public Option<int> MaxConcurrency { get; } = new("--max-concurrency", "-m") { Description = "How many analyzers run at once (1-100)", DefaultValueFactory = _ => 10 };

    public Option<bool> WithDoc { get; } = new("--with-doc", "-d") { Description = "Add Kubernetes field documentation to each problem" };

    public Option<bool> Interactive { get; } = new("--interactive", "-i") { Description = "After the explanation, ask follow-up questions" };

    public Option<bool> CustomAnalysis { get; } = new("--custom-analysis", "-z") { Description = "Also run the custom analyzers from config" };

    public Option<string[]> CustomHeaders { get; } = new("--custom-headers", "-r") { Description = "Extra HTTP header for AI calls, as Key:Value (repeatable)" };

    public Option<string> Selector { get; } = new("--selector", "-L") { Description = "Label selector (=, ==, !=, in, notin, key, !key)", DefaultValueFactory = _ => "" };

    public Option<bool> WithStat { get; } = new("--with-stat", "-s") { Description = "Print how long each analyzer (and, live, each list) took" };

    public Option<string?> Snapshot { get; } = new("--snapshot") { Description = "Analyze a saved snapshot (file or folder of JSON/YAML) instead of the live cluster" };

    public Option<bool> FailOnProblems { get; } = new("--fail-on-problems") { Description = "Exit with code 3 when problems are found (for CI)" };

    public IEnumerable<Option> All =>
    [
        Namespace, NoCache, Anonymize, Filter, Explain, Backend, Output, Language, MaxConcurrency, WithDoc,
        Interactive, CustomAnalysis, CustomHeaders, Selector, WithStat, Snapshot, FailOnProblems,
    ];
}
