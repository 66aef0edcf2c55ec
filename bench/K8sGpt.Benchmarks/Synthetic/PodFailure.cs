namespace K8sGpt.Benchmarks.Synthetic;

/// <summary>How a generated pod is broken.</summary>
internal enum PodFailure
{
    None,
    CrashLoopBackOff,
    ImagePullBackOff,
    Unschedulable,
    NotReady,
}
