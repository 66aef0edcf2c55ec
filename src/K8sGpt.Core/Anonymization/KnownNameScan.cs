using System.Text.RegularExpressions;

namespace K8sGpt.Core.Anonymization;

/// <summary>
/// Finds names of known cluster objects inside a text the analyzers did not write themselves (an event or condition
/// message quoting a node, a ReplicaSet or a quota). It matches whole names the way the anonymizer masks them: a name
/// stands between characters that cannot be part of a name, and may follow a dot (<c>example.com</c> in
/// <c>registry.example.com</c>) but not precede one followed by more name (<c>web</c> is not in <c>web.local</c>).
/// </summary>
public static partial class KnownNameScan
{
    /// <summary>
    /// Names every cluster has (Kubernetes creates them itself): they identify nothing, and some are plain words
    /// ("default StorageClass") that masking would garble, so they are never added by the scan.
    /// </summary>
    private static readonly HashSet<string> s_builtIn = new(StringComparer.Ordinal)
    {
        "default", "kube-system", "kube-public", "kube-node-lease", "kubernetes", "kube-root-ca.crt",
    };

    /// <summary>The known names <paramref name="text"/> mentions, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string text, IReadOnlySet<string> known)
    {
        if (known.Count == 0 || text.Length == 0)
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match run in NameRun().Matches(text))
        {
            // Names may hold ':' (RBAC) or '@' (users), which the anonymizer treats as boundaries: try the whole run,
            // then each piece between them.
            var candidates = run.Value.Split([':', '@']).Prepend(run.Value);
            foreach (var candidate in candidates)
            {
                if (LongestKnownSuffix(candidate.TrimEnd('.'), known) is { } name && !s_builtIn.Contains(name) && !found.Contains(name, StringComparer.Ordinal))
                {
                    found.Add(name);
                }
            }
        }

        return found;
    }

    /// <summary>The candidate itself when known, else its longest known part after a dot, else null.</summary>
    private static string? LongestKnownSuffix(string candidate, IReadOnlySet<string> known)
    {
        for (var start = 0; start < candidate.Length; start = candidate.IndexOf('.', start) + 1)
        {
            var suffix = candidate[start..];
            if (known.Contains(suffix))
            {
                return suffix;
            }

            if (candidate.IndexOf('.', start) < 0)
            {
                break;
            }
        }

        return null;
    }

    [GeneratedRegex("[A-Za-z0-9_.:@-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameRun();
}
