namespace K8sGpt.Server.Tests.Support;

/// <summary>Paths in the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Protos => Path.Combine(Root, "src", "K8sGpt.Server", "Protos");

    public static string NodeClient => Path.Combine(Root, "tests", "node-client");

    /// <summary>The built CLI (the test project references it, so it is built with the tests, same configuration).</summary>
    public static string CliDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(Root, "src", "K8sGpt.Cli", "bin", configuration, "net10.0", "k8sgpt.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "K8sGpt.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("K8sGpt.slnx not found above " + AppContext.BaseDirectory);
    }
}
