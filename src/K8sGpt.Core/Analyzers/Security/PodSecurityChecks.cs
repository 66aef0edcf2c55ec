using k8s.Models;
using K8sGpt.Core.Findings;

namespace K8sGpt.Core.Analyzers;

/// <summary>Pod settings that break out of container isolation, per pod, init containers included.</summary>
internal static class PodSecurityChecks
{
    private static readonly string[] s_dangerousCapabilities = ["SYS_ADMIN", "NET_ADMIN", "ALL"];

    public static IEnumerable<Failure> Check(V1Pod pod)
    {
        var ns = pod.Metadata?.NamespaceProperty ?? "";
        var name = pod.Metadata?.Name ?? "";
        if (SecurityExemptions.IsSystemNamespace(ns) || pod.Spec is not { } spec)
        {
            yield break;
        }

        var hostNamespaces = new[] { ("hostNetwork", spec.HostNetwork), ("hostPID", spec.HostPID), ("hostIPC", spec.HostIPC) }
            .Where(static h => h.Item2 == true)
            .Select(static h => h.Item1)
            .ToArray();
        if (hostNamespaces.Length > 0)
        {
            yield return Failure.Of("SecurityHostNamespaces", $"Pod {ns}/{name} shares the node's namespaces ({string.Join(", ", hostNamespaces)})", "spec", ns, name);
        }

        var hostPaths = (spec.Volumes ?? []).Where(static v => v?.HostPath is not null).ToArray();
        if (hostPaths.Length > 0)
        {
            yield return Failure.Of(
                "SecurityHostPathVolume",
                $"Pod {ns}/{name} mounts hostPath volume(s) {string.Join(", ", hostPaths.Select(static v => $"{v.Name} ({v.HostPath.Path})"))}",
                "spec.volumes.hostPath",
                [ns, name, .. hostPaths.Select(static v => v.Name)]);
        }

        var containers = (spec.InitContainers ?? []).Select(static c => (Container: c, Init: true))
            .Concat((spec.Containers ?? []).Select(static c => (Container: c, Init: false)))
            .Where(static c => c.Container is not null);
        foreach (var (container, init) in containers)
        {
            var label = $"{(init ? "Init container" : "Container")} {container.Name} in pod {ns}/{name}";
            var context = container.SecurityContext;
            if (context?.Privileged == true)
            {
                yield return Failure.Of("SecurityPrivilegedContainer", $"{label} runs privileged", "spec.containers.securityContext.privileged", ns, name, container.Name);
            }
            else if (context?.AllowPrivilegeEscalation == true)
            {
                // Privileged implies escalation, so this is only worth saying on its own.
                yield return Failure.Of("SecurityPrivilegeEscalation", $"{label} allows privilege escalation", "spec.containers.securityContext.allowPrivilegeEscalation", ns, name, container.Name);
            }

            var added = (context?.Capabilities?.Add ?? [])
                .Where(static c => s_dangerousCapabilities.Contains(c.StartsWith("CAP_", StringComparison.Ordinal) ? c[4..] : c, StringComparer.Ordinal))
                .ToArray();
            if (added.Length > 0)
            {
                yield return Failure.Of("SecurityDangerousCapabilities", $"{label} adds capabilities {string.Join(", ", added)}", "spec.containers.securityContext.capabilities.add", ns, name, container.Name);
            }
        }
    }
}
