using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>RBAC bindings that hand out wildcard permissions to identities other than the control plane's.</summary>
internal static class RbacChecks
{
    public static IEnumerable<Failure> RoleBinding(V1RoleBinding binding, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = binding.Metadata?.NamespaceProperty ?? "";
        var name = binding.Metadata?.Name ?? "";
        if (SecurityExemptions.IsSystemNamespace(ns) || SecurityExemptions.IsSystemName(name))
        {
            yield break;
        }

        var subjects = Subjects(binding.Subjects, ns);
        var wildcards = Wildcards(RulesOf(binding.RoleRef, ns, snapshot, context));
        if (subjects.Count == 0 || wildcards.Length == 0)
        {
            yield break;
        }

        yield return Failure.Of(
            "SecurityWildcardRoleBinding",
            $"RoleBinding {ns}/{name} grants {binding.RoleRef.Kind} {binding.RoleRef.Name} with wildcard {wildcards} to {Describe(subjects)}",
            "roleRef",
            [ns, name, binding.RoleRef.Name, .. Identities(subjects)]);
    }

    public static IEnumerable<Failure> ClusterRoleBinding(V1ClusterRoleBinding binding, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var name = binding.Metadata?.Name ?? "";
        if (SecurityExemptions.IsSystemName(name))
        {
            yield break;
        }

        var subjects = Subjects(binding.Subjects, null);
        var wildcards = Wildcards(RulesOf(binding.RoleRef, null, snapshot, context));
        if (subjects.Count == 0 || wildcards.Length == 0)
        {
            yield break;
        }

        yield return Failure.Of(
            "SecurityWildcardClusterRoleBinding",
            $"ClusterRoleBinding {name} grants ClusterRole {binding.RoleRef.Name} with wildcard {wildcards} cluster-wide to {Describe(subjects)}",
            "roleRef",
            [name, binding.RoleRef.Name, .. Identities(subjects)]);
    }

    /// <summary>A service account with cluster-wide wildcard rights whose token is mounted into running pods.</summary>
    public static IEnumerable<Failure> ServiceAccount(V1ServiceAccount account, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = account.Metadata?.NamespaceProperty ?? "";
        var name = account.Metadata?.Name ?? "";
        if (SecurityExemptions.IsSystemNamespace(ns))
        {
            return [];
        }

        // Checked once per account here, so that an unread ClusterRole list is not counted once per binding below.
        if ((snapshot.WhyUnknown(KnownResources.ClusterRoleBindings, null) ?? snapshot.WhyUnknown(KnownResources.ClusterRoles, null)) is { } grantsUnknown)
        {
            context.ReportNotChecked(grantsUnknown, "ServiceAccount");
            return [];
        }

        var grant = snapshot.All<V1ClusterRoleBinding>()
            .Where(b => !SecurityExemptions.IsSystemName(b.Metadata?.Name))
            .Where(b => (b.Subjects ?? []).Any(s => s?.Kind == "ServiceAccount" && s.Name == name && s.NamespaceProperty == ns))
            .Select(b => (Binding: b, Wildcards: Wildcards(RulesOf(b.RoleRef, null, snapshot, context))))
            .FirstOrDefault(static g => g.Wildcards.Length > 0);
        if (grant.Binding is null)
        {
            return [];
        }

        if (snapshot.WhyUnknown(KnownResources.Pods, ns) is { } podsUnknown)
        {
            context.ReportNotChecked(podsUnknown, "privileged ServiceAccount's pods", "privileged ServiceAccounts' pods");
            return [];
        }

        var pods = snapshot.All<V1Pod>()
            .Where(p => p.Metadata?.NamespaceProperty == ns && (p.Spec?.ServiceAccountName ?? "default") == name)
            .Where(p => p.Spec?.AutomountServiceAccountToken ?? account.AutomountServiceAccountToken ?? true)
            .Select(static p => p.Metadata?.Name ?? "")
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (pods.Length == 0)
        {
            return [];
        }

        return
        [
            Failure.Of(
                "SecurityPrivilegedServiceAccountMounted",
                $"ServiceAccount {ns}/{name} holds cluster-wide wildcard permissions (ClusterRole {grant.Binding.RoleRef.Name} via ClusterRoleBinding {grant.Binding.Metadata?.Name}) and its token is mounted in pod(s) {string.Join(", ", pods)}",
                "automountServiceAccountToken",
                [ns, name, grant.Binding.RoleRef.Name, grant.Binding.Metadata?.Name, .. pods]),
        ];
    }

    private static IEnumerable<V1PolicyRule> RulesOf(V1RoleRef? roleRef, string? ns, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var (rules, outcome, reason) = roleRef?.Kind switch
        {
            "Role" when ns is not null => Rules(snapshot.Find<V1Role>(ns, roleRef.Name), static r => r.Rules),
            "ClusterRole" => Rules(snapshot.Find<V1ClusterRole>(null, roleRef.Name), static r => r.Rules),
            _ => ([], LookupOutcome.NotFound, ""),
        };
        if (outcome == LookupOutcome.Unknown)
        {
            context.ReportNotChecked(reason, "roleRef");
        }

        return rules;

        static (IEnumerable<V1PolicyRule> Rules, LookupOutcome Outcome, string Reason) Rules<T>(Lookup<T> lookup, Func<T, IList<V1PolicyRule>?> rules)
            where T : class =>
            (lookup.Value is { } role ? rules(role) ?? [] : [], lookup.Outcome, lookup.Reason);
    }

    /// <summary>Which of verbs, resources and apiGroups hold a <c>*</c>, e.g. <c>verbs, resources (*)</c>; empty when none.</summary>
    private static string Wildcards(IEnumerable<V1PolicyRule> rules)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule?.Verbs?.Contains("*") == true)
            {
                fields.Add("1verbs");
            }

            if (rule?.Resources?.Contains("*") == true)
            {
                fields.Add("2resources");
            }

            if (rule?.ApiGroups?.Contains("*") == true)
            {
                fields.Add("3apiGroups");
            }
        }

        return fields.Count == 0 ? "" : $"{string.Join(", ", fields.Select(static f => f[1..]))} (*)";
    }

    /// <summary>The subjects worth reporting, each with the namespace it lives in (a binding's own for service accounts without one).</summary>
    private static List<(string Kind, string Name, string Namespace)> Subjects(IEnumerable<Rbacv1Subject>? subjects, string? bindingNamespace) =>
    [
        .. (subjects ?? [])
            .Where(s => s is not null && !SecurityExemptions.IsSystemSubject(s.Kind, s.Name, s.NamespaceProperty ?? bindingNamespace))
            .Select(s => (s.Kind ?? "", s.Name ?? "", s.Kind == "ServiceAccount" ? s.NamespaceProperty ?? bindingNamespace ?? "" : "")),
    ];

    private static string Describe(IEnumerable<(string Kind, string Name, string Namespace)> subjects) =>
        string.Join(", ", subjects.Select(static s => s.Kind == "ServiceAccount" ? $"ServiceAccount {s.Namespace}/{s.Name}" : $"{s.Kind} {s.Name}"));

    /// <summary>Subject names (users, groups, service accounts) and namespaces: they identify people and workloads.</summary>
    private static IEnumerable<string> Identities(IEnumerable<(string Kind, string Name, string Namespace)> subjects) =>
        subjects.SelectMany(static s => new[] { s.Name, s.Namespace });
}
