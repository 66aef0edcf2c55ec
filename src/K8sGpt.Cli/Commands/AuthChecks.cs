using K8sGpt.Ai.Backends;
using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Commands;

/// <summary>Flag checks shared by <c>auth add</c> and <c>auth update</c>.</summary>
public static class AuthChecks
{
    private static readonly string[] s_azureApiTypes = ["AZURE", "AZURE_AD", "CLOUDFLARE_AZURE"];

    public static string BackendName(string value)
    {
        var name = value.Trim().ToLowerInvariant();
        if (!BackendNames.IsKnown(name))
        {
            throw new UsageException($"'{value}' is not an AI backend; known backends: {string.Join(", ", BackendNames.All)}");
        }

        return name;
    }

    public static void Range(string flag, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new UsageException($"--{flag} must be between {min} and {max}, got {value}");
        }
    }

    public static string AzureApiType(string value)
    {
        var upper = value.Trim().ToUpperInvariant();
        if (upper.Length > 0 && !s_azureApiTypes.Contains(upper))
        {
            throw new UsageException($"--azureAPIType must be one of {string.Join(", ", s_azureApiTypes)}, got '{value}'");
        }

        return upper;
    }
}
