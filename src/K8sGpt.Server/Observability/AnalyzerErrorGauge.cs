using K8sGpt.Core.Findings;
using Prometheus;

namespace K8sGpt.Server.Observability;

/// <summary>
/// The reference's <c>analyzer_errors</c> gauge. Unlike the reference, a run only replaces the series that an
/// earlier run of the same scope (namespace, selector, filters) produced, so one namespace-scoped request never
/// wipes the series another request reported.
/// </summary>
public sealed class AnalyzerErrorGauge(Gauge gauge)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<(string Analyzer, string Name, string Namespace)>> _byScope = new(StringComparer.Ordinal);

    public void Record(string scope, IReadOnlyList<Finding> findings)
    {
        var current = findings
            .GroupBy(static f => (f.Kind, f.ObjectName, f.Namespace))
            .ToDictionary(static g => g.Key, static g => g.Sum(static f => f.Failures.Count));
        lock (_gate)
        {
            if (_byScope.TryGetValue(scope, out var previous))
            {
                foreach (var stale in previous.Where(s => !current.ContainsKey(s) && !HeldElsewhere(scope, s)))
                {
                    gauge.RemoveLabelled(stale.Analyzer, stale.Name, stale.Namespace);
                }
            }

            foreach (var (key, count) in current)
            {
                gauge.WithLabels(key.Kind, key.ObjectName, key.Namespace).Set(count);
            }

            _byScope[scope] = [.. current.Keys];
        }
    }

    private bool HeldElsewhere(string scope, (string, string, string) series) =>
        _byScope.Any(kv => !string.Equals(kv.Key, scope, StringComparison.Ordinal) && kv.Value.Contains(series));
}
