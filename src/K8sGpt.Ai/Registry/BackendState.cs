namespace K8sGpt.Ai.Registry;

public enum BackendState
{
    /// <summary>Validated; a client can be handed out.</summary>
    Ready,

    /// <summary>Configured with missing or invalid settings; see the problems.</summary>
    Invalid,

    /// <summary>A reference backend name this version does not implement yet.</summary>
    Unsupported,
}
