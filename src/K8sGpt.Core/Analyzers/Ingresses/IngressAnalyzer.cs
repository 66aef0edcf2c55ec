using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Findings;
using K8sGpt.Core.Snapshot;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// Ingresses without a usable class, with backends (rules and default backend) that name a missing Service or a
/// port the Service does not expose, or with TLS Secrets that do not exist.
/// </summary>
public sealed class IngressAnalyzer : ObjectAnalyzer<V1Ingress>
{
    /// <summary>Annotation that marks the cluster's default IngressClass.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <summary>Deprecated annotation that names the class before <c>spec.ingressClassName</c> existed.</summary>
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public override string Name => "Ingress";

    protected override IEnumerable<ResourceType> Lookups =>
        [KnownResources.IngressClasses, KnownResources.Services, KnownResources.Secrets];

    protected override IEnumerable<Failure> Check(V1Ingress ingress, ClusterSnapshot snapshot, AnalyzerContext context)
    {
        var ns = ingress.Metadata?.NamespaceProperty ?? "";
        var name = ingress.Metadata?.Name ?? "";
        var failures = new List<Failure>();
        failures.AddRange(CheckClass(ingress, snapshot, context, ns, name));
        failures.AddRange(IngressBackendChecks.Check(ingress, snapshot, context, ns));

        foreach (var secret in (ingress.Spec?.Tls ?? []).Select(static t => t?.SecretName).Where(static s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal))
        {
            var lookup = snapshot.Find<V1Secret>(ns, secret!);
            if (lookup.NotFound)
            {
                failures.Add(Failure.Of(
                    "IngressTlsSecretNotFound",
                    $"Ingress uses the secret {ns}/{secret} as a TLS certificate which does not exist.",
                    "spec.tls.secretName",
                    ns,
                    secret));
            }
            else if (!lookup.Found)
            {
                context.ReportNotChecked(lookup.Reason, "TLS secretName");
            }
        }

        return failures;
    }

    private static IEnumerable<Failure> CheckClass(V1Ingress ingress, ClusterSnapshot snapshot, AnalyzerContext context, string ns, string name)
    {
        var className = ingress.Spec?.IngressClassName;
        if (!string.IsNullOrEmpty(className))
        {
            var lookup = snapshot.Find<V1IngressClass>(null, className);
            if (lookup.NotFound)
            {
                yield return Failure.Of(
                    "IngressClassNotFound",
                    $"Ingress uses the ingress class {className} which does not exist.",
                    "spec.ingressClassName",
                    className);
            }
            else if (!lookup.Found)
            {
                context.ReportNotChecked(lookup.Reason, "ingressClassName");
            }

            yield break;
        }

        // The deprecated annotation is read by controllers directly; no IngressClass object has to exist for it.
        if (!string.IsNullOrEmpty(MetaValues.Annotation(ingress.Metadata, ClassAnnotation)))
        {
            yield break;
        }

        // Without the class list the default class cannot be known, so the Ingress cannot be said to be class-less.
        if (snapshot.WhyUnknown(KnownResources.IngressClasses, null) is { } why)
        {
            context.ReportNotChecked(why, "class-less Ingress");
            yield break;
        }

        var hasDefault = snapshot.All<V1IngressClass>().Any(static c =>
            MetaValues.AnnotationIsTrue(c.Metadata, DefaultClassAnnotation));
        if (!hasDefault)
        {
            yield return Failure.Of(
                "IngressClassMissing",
                $"Ingress {ns}/{name} does not specify an Ingress class.",
                "spec.ingressClassName",
                ns,
                name);
        }
    }
}
