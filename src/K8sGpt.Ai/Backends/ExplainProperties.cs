namespace K8sGpt.Ai.Backends;

/// <summary>Keys of <c>ChatOptions.AdditionalProperties</c> the explainer fills, for backends that send them apart.</summary>
public static class ExplainProperties
{
    /// <summary>The requested answer language.</summary>
    public const string Language = "k8sgpt.language";

    /// <summary>The (masked) problem text the prompt was built from.</summary>
    public const string Message = "k8sgpt.message";
}
