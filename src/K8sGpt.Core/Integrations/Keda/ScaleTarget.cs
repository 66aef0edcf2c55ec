namespace K8sGpt.Core.Integrations.Keda;

/// <summary>A ScaledObject's <c>spec.scaleTargetRef</c>; the kind defaults to Deployment, as KEDA does.</summary>
internal sealed record ScaleTarget(string Kind, string Name)
{
    /// <summary>The target, or null when the ScaledObject names none.</summary>
    public static ScaleTarget? Read(Snapshot.UnstructuredObject so)
    {
        var name = so.GetString("spec.scaleTargetRef.name");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var kind = so.GetString("spec.scaleTargetRef.kind");
        return new(string.IsNullOrEmpty(kind) ? "Deployment" : kind, name);
    }
}
