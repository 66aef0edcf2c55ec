using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>Service backends of an Ingress (rules and default backend) that are missing or lack the port.</summary>
internal static class IngressBackendChecks
{
    public static IEnumerable<Failure> Check(V1Ingress ingress, ClusterSnapshot snapshot, AnalyzerContext context, string ns)
    {
        var backends = new List<(V1IngressServiceBackend Backend, string DocPath)>();
        if (ingress.Spec?.DefaultBackend?.Service is { } defaultService)
        {
            backends.Add((defaultService, "spec.defaultBackend.service"));
        }

        foreach (var path in (ingress.Spec?.Rules ?? []).SelectMany(static r => r?.Http?.Paths ?? []))
        {
            // Resource backends (for example a storage bucket CRD) are served by the controller; nothing to look up.
            if (path?.Backend?.Service is { } service)
            {
                backends.Add((service, "spec.rules.http.paths.backend.service"));
            }
        }

        var missing = new HashSet<string>(StringComparer.Ordinal);
        var portsChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (backend, docPath) in backends)
        {
            var serviceName = backend.Name;
            if (string.IsNullOrEmpty(serviceName))
            {
                continue;
            }

            var lookup = snapshot.Find<V1Service>(ns, serviceName);
            if (lookup.NotFound)
            {
                if (missing.Add(serviceName))
                {
                    yield return Failure.Of(
                        "IngressServiceNotFound",
                        $"Ingress uses the service {ns}/{serviceName} which does not exist.",
                        docPath,
                        ns,
                        serviceName);
                }

                continue;
            }

            if (!lookup.Found)
            {
                context.ReportNotChecked(lookup.Reason, "backend");
                continue;
            }

            if (PortText(backend.Port) is not { } port || !portsChecked.Add($"{serviceName}:{port}"))
            {
                continue;
            }

            if (!Exposes(lookup.Value!, backend.Port!))
            {
                yield return Failure.Of(
                    "IngressServicePortNotFound",
                    $"Ingress uses the port {port} of service {ns}/{serviceName} which does not expose it.",
                    docPath + ".port",
                    ns,
                    serviceName);
            }
        }
    }

    private static string? PortText(V1ServiceBackendPort? port) =>
        port?.Number is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.IsNullOrEmpty(port?.Name) ? null
        : port.Name;

    private static bool Exposes(V1Service service, V1ServiceBackendPort port)
    {
        // An ExternalName Service forwards by DNS and need not declare ports.
        if (service.Spec?.Type == "ExternalName")
        {
            return true;
        }

        var ports = service.Spec?.Ports ?? [];
        return port.Number is { } number
            ? ports.Any(p => p?.Port == number)
            : ports.Any(p => string.Equals(p?.Name, port.Name, StringComparison.Ordinal));
    }
}
