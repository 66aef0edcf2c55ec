using System.CommandLine;

namespace K8sGpt.Cli.Commands;

/// <summary>The provider flags of <c>auth add</c> and <c>auth update</c>, with the reference names and short forms.</summary>
public sealed class AuthOptions
{
    public Option<string> Backend { get; } = new("--backend", "-b") { Description = "Backend name (openai, azureopenai, ollama, ...)", DefaultValueFactory = _ => "" };

    public Option<string> Model { get; } = new("--model", "-m") { Description = "Model (or Azure model name)" };

    public Option<string> Password { get; } = new("--password", "-p") { Description = "API key or token (asked for on a terminal when required and not given)" };

    public Option<string> BaseUrl { get; } = new("--baseurl", "-u") { Description = "Endpoint URL" };

    public Option<string> EndpointName { get; } = new("--endpointname", "-n") { Description = "SageMaker endpoint name" };

    public Option<float> TopP { get; } = new("--topp") { Description = "Nucleus sampling, 0..1", DefaultValueFactory = _ => 0.5f };

    public Option<int> TopK { get; } = new("--topk", "-c") { Description = "Top-k sampling, 1..100", DefaultValueFactory = _ => 50 };

    public Option<int> MaxTokens { get; } = new("--maxtokens", "-l") { Description = "Maximum tokens in an answer", DefaultValueFactory = _ => 2048 };

    public Option<string[]> StopSequences { get; } = new("--stopsequences", "-s") { Description = "Stop sequences (anthropic)", AllowMultipleArgumentsPerToken = true };

    public Option<float> Temperature { get; } = new("--temperature", "-t") { Description = "Sampling temperature, 0..1", DefaultValueFactory = _ => 0.7f };

    public Option<string> Engine { get; } = new("--engine", "-e") { Description = "Azure OpenAI deployment name" };

    public Option<string> ProviderRegion { get; } = new("--providerRegion", "-r") { Description = "Cloud region" };

    public Option<string> ProviderId { get; } = new("--providerId", "-i") { Description = "Project id (Vertex AI, watsonx)" };

    public Option<string> CompartmentId { get; } = new("--compartmentId", "-k") { Description = "OCI compartment id" };

    public Option<string> OrganizationId { get; } = new("--organizationId", "-o") { Description = "OpenAI / Azure organization id" };

    public Option<string> AzureApiType { get; } = new("--azureAPIType", "-a") { Description = "AZURE, AZURE_AD or CLOUDFLARE_AZURE" };

    public Option<string> AzureApiVersion { get; } = new("--azureAPIVersion") { Description = "Azure OpenAI API version (for example 2024-10-21)" };

    public IEnumerable<Option> All =>
    [
        Backend, Model, Password, BaseUrl, EndpointName, TopP, TopK, MaxTokens, StopSequences, Temperature, Engine,
        ProviderRegion, ProviderId, CompartmentId, OrganizationId, AzureApiType, AzureApiVersion,
    ];
}
