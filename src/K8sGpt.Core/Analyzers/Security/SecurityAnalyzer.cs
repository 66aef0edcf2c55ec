using k8s;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Security posture: RBAC bindings that grant wildcard permissions, service accounts holding cluster-wide wildcard
/// permissions, and pods that escape their isolation (privileged, host namespaces, hostPath, dangerous
/// capabilities, privilege escalation). What the control plane itself needs is left alone: see
/// <see cref="SecurityExemptions"/>. Using the <c>default</c> ServiceAccount is not reported on its own.
/// </summary>
public sealed class SecurityAnalyzer : IAnalyzer
{
    public string Name => "Security";

    public AnalyzerTier Tier => AnalyzerTier.Optional;

    public IReadOnlyList<ResourceRead> Reads { get; } =
    [
        ResourceRead.Primary(KnownResources.Pods),
        // Lookups, so that missing RBAC read rights (common) do not silence the pod checks.
        ResourceRead.Lookup(KnownResources.RoleBindings),
        ResourceRead.Lookup(KnownResources.ClusterRoleBindings),
        ResourceRead.Lookup(KnownResources.Roles),
        ResourceRead.Lookup(KnownResources.ClusterRoles),
        ResourceRead.Lookup(KnownResources.ServiceAccounts),
        .. ObjectAnalyzer<V1Pod>.OwnerKinds.Select(ResourceRead.Lookup),
    ];

    public IEnumerable<Finding> Analyze(ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var findings = new List<Finding>();
        Each(findings, context, snapshot, "Security/RoleBinding", snapshot.Selected<V1RoleBinding>(), b => RbacChecks.RoleBinding(b, snapshot, context), parent: false);
        Each(findings, context, snapshot, "Security/ClusterRoleBinding", snapshot.Selected<V1ClusterRoleBinding>(), b => RbacChecks.ClusterRoleBinding(b, snapshot, context), parent: false);
        Each(findings, context, snapshot, "Security/ServiceAccount", snapshot.Selected<V1ServiceAccount>(), a => RbacChecks.ServiceAccount(a, snapshot, context), parent: false);
        Each(findings, context, snapshot, "Security/Pod", snapshot.Selected<V1Pod>(), PodSecurityChecks.Check, parent: true);
        return findings;
    }

    private static void Each<T>(List<Finding> findings, AnalyzerContext context, ClusterSnapshot snapshot, string kind, IEnumerable<T> objects, Func<T, IEnumerable<Failure>> check, bool parent)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var obj in objects)
        {
            var ns = obj.Metadata?.NamespaceProperty ?? "";
            var name = obj.Metadata?.Name ?? "";
            try
            {
                var failures = check(obj).ToArray();
                if (failures.Length > 0)
                {
                    findings.Add(new Finding
                    {
                        Kind = kind,
                        Namespace = ns,
                        ObjectName = name,
                        Uid = obj.Metadata?.Uid ?? "",
                        Failures = failures,
                        ParentObject = parent ? snapshot.ResolveParent(obj) : "",
                    });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportError(ns.Length == 0 ? name : $"{ns}/{name}", ex);
            }
        }
    }
}
