namespace K8sGpt.Core.Tests.Analyzers.Olm;

/// <summary>Tests that capture <see cref="Console.Out"/> run alone, so no other test's output lands in the capture.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public const string Name = "Console capture";
}
