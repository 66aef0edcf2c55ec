using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using K8sGpt.Benchmarks.Synthetic;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;
using K8sGpt.Core.Snapshot.Files;

namespace K8sGpt.Benchmarks;

/// <summary>
/// Reading a 10,000-pod snapshot (as a JSON and as a YAML <c>List</c>) and analysing it with the default analyzers.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private readonly AnalysisRunner _runner = new();
    private readonly AnalyzerSelection _selection = AnalyzerCatalog.Default.Select([], []);
    private string _folder = "";
    private string _jsonFile = "";
    private string _yamlFile = "";
    private ClusterSnapshot? _snapshot;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var items = SyntheticCluster.Generate(pods: 10_000, nodes: 50, seed: 42);
        var list = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. items]) };

        _folder = Directory.CreateTempSubdirectory("k8sgpt-bench-").FullName;
        _jsonFile = Path.Combine(_folder, "cluster.json");
        _yamlFile = Path.Combine(_folder, "cluster.yaml");
        await File.WriteAllTextAsync(_jsonFile, list.ToJsonString()).ConfigureAwait(false);
        await using (var writer = File.CreateText(_yamlFile))
        {
            YamlWriter.Write(list, writer);
        }

        _snapshot = await SnapshotReader.ReadAsync(_jsonFile, ScanScope.Everything, CancellationToken.None).ConfigureAwait(false);
        var kinds = items.GroupBy(static i => (string)i["kind"]!).Select(static g => $"{g.Key}={g.Count()}");
        Console.WriteLine($"// synthetic cluster: {items.Count} objects ({string.Join(", ", kinds)}); "
            + $"json {new FileInfo(_jsonFile).Length / 1024} KiB, yaml {new FileInfo(_yamlFile).Length / 1024} KiB");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Task<ClusterSnapshot> ReadJson() => SnapshotReader.ReadAsync(_jsonFile, ScanScope.Everything, CancellationToken.None);

    [Benchmark]
    public Task<ClusterSnapshot> ReadYaml() => SnapshotReader.ReadAsync(_yamlFile, ScanScope.Everything, CancellationToken.None);

    [Benchmark]
    public Task<AnalysisReport> AnalyzeDefault() => _runner.RunAsync(_snapshot!, _selection, new AnalysisRequest(), CancellationToken.None);
}
