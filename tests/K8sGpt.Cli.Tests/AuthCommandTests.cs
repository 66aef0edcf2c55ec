namespace K8sGpt.Cli.Tests;

public sealed class AuthCommandTests
{
    [Fact]
    public async Task Add_writes_the_provider_and_list_shows_it_without_the_key()
    {
        using var home = new ExplainCliHome();

        var add = await home.RunAsync("auth", "add", "--backend", "azureopenai", "--baseurl", "https://r.openai.azure.com", "--engine", "dep-1", "--password", "secret-key-123");
        var list = await home.RunAsync("auth", "list", "--details");

        Assert.Equal((0, "azureopenai added to the AI backend provider list\n", ""), add);
        Assert.Contains("engine: dep-1", File.ReadAllText(home.ConfigFile), StringComparison.Ordinal);
        Assert.Equal(0, list.Exit);
        Assert.Contains("> azureopenai (key set; ready)\n   - Engine: dep-1\n   - BaseURL: https://r.openai.azure.com\n", list.Out, StringComparison.Ordinal);
        Assert.StartsWith("Default:\n> (none)\nActive:\n", list.Out, StringComparison.Ordinal);
        Assert.Contains("Unused:\n> openai\n> anthropic\n", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", list.Out + list.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_for_azure_without_engine_names_the_missing_deployment()
    {
        using var home = new ExplainCliHome();

        var (exit, output, error) = await home.RunAsync("auth", "add", "-b", "azureopenai", "-u", "https://r.openai.azure.com", "-p", "k");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("Error: cannot add 'azureopenai':\n  - the deployment name (engine) is missing: add it with k8sgpt auth add --backend azureopenai --engine <deployment>\n", error);
        Assert.False(File.Exists(home.ConfigFile));
    }

    [Fact]
    public async Task Add_of_an_existing_provider_is_refused()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "openai", "-p", "k1");

        var (exit, _, error) = await home.RunAsync("auth", "add", "-b", "openai", "-p", "k2");

        Assert.Equal(1, exit);
        Assert.Equal("Error: provider 'openai' is already configured; change it with `k8sgpt auth update --backend openai`\n", error);
    }

    [Fact]
    public async Task Add_of_an_unknown_backend_lists_the_known_ones()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("auth", "add", "-b", "chatgpt", "-p", "k");

        Assert.Equal(1, exit);
        Assert.StartsWith("Error: 'chatgpt' is not an AI backend; known backends: openai, anthropic, localai, ollama, azureopenai,", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_without_a_key_reads_it_from_the_terminal()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("typed-key\n", true, "auth", "add", "-b", "openai");

        Assert.Equal(0, exit);
        Assert.Equal("Enter openai Key: \n", error);
        Assert.Contains("password: typed-key", File.ReadAllText(home.ConfigFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_without_a_key_and_no_terminal_is_an_error()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("auth", "add", "-b", "openai");

        Assert.Equal(1, exit);
        Assert.Equal("Error: the API key for 'openai' is required: pass --password <key> (stdin is not a terminal, so it cannot be asked for)\n", error);
    }

    [Fact]
    public async Task Add_rejects_temperature_out_of_range()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("auth", "add", "-b", "ollama", "-t", "1.5");

        Assert.Equal(1, exit);
        Assert.Equal("Error: --temperature must be between 0 and 1, got 1.5\n", error);
    }

    [Fact]
    public async Task Update_changes_only_the_flags_given()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "openai", "-p", "k1", "-m", "gpt-4o-mini", "-t", "0.2");

        var (exit, output, _) = await home.RunAsync("auth", "update", "-b", "openai", "-u", "http://proxy.local/v1");

        Assert.Equal(0, exit);
        Assert.Equal("openai: base URL updated\n", output);
        var config = File.ReadAllText(home.ConfigFile);
        Assert.Contains("temperature: 0.2", config, StringComparison.Ordinal);
        Assert.Contains("model: gpt-4o-mini", config, StringComparison.Ordinal);
        Assert.Contains("password: k1", config, StringComparison.Ordinal);
        Assert.Contains("baseurl: http://proxy.local/v1", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_the_key_never_prints_it()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "anthropic", "-p", "old-secret");

        var (exit, output, error) = await home.RunAsync("auth", "update", "-b", "anthropic", "-p", "new-secret", "--topk", "20");

        Assert.Equal(0, exit);
        Assert.Equal("anthropic: key updated\nanthropic: top-k updated\n", output);
        Assert.DoesNotContain("secret", output + error, StringComparison.Ordinal);
        Assert.Contains("password: new-secret", File.ReadAllText(home.ConfigFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_of_an_unconfigured_provider_is_an_error()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("auth", "update", "-b", "groq", "-m", "x");

        Assert.Equal(1, exit);
        Assert.Equal("Error: provider 'groq' is not configured; add it with `k8sgpt auth add --backend groq`\n", error);
    }

    [Fact]
    public async Task Removing_the_default_provider_leaves_no_default()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "openai", "-p", "k1");
        await home.RunAsync("auth", "add", "-b", "ollama");
        await home.RunAsync("auth", "default", "-p", "openai");

        var remove = await home.RunAsync("auth", "remove", "-b", "openai");
        var shown = await home.RunAsync("auth", "default");

        Assert.Equal(0, remove.Exit);
        Assert.Equal("openai deleted from the AI backend provider list\n", remove.Out);
        Assert.Equal("No default provider is set\n", shown.Out);
        Assert.DoesNotContain("openai", File.ReadAllText(home.ConfigFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_unconfigured_provider_changes_nothing()
    {
        using var home = new ExplainCliHome();
        await home.RunAsync("auth", "add", "-b", "ollama");

        var (exit, _, error) = await home.RunAsync("auth", "remove", "-b", "ollama,groq");

        Assert.Equal(1, exit);
        Assert.Equal("Error: not configured: groq; nothing was removed (see `k8sgpt auth list`)\n", error);
        Assert.Contains("name: ollama", File.ReadAllText(home.ConfigFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_must_name_a_configured_provider()
    {
        using var home = new ExplainCliHome();

        var (exit, _, error) = await home.RunAsync("auth", "default", "-p", "anthropic");

        Assert.Equal(1, exit);
        Assert.Equal("Error: provider 'anthropic' is not configured; add it first with `k8sgpt auth add --backend anthropic`\n", error);
    }

    [Fact]
    public async Task Unsupported_backends_are_saved_with_a_warning()
    {
        using var home = new ExplainCliHome();

        var (exit, output, error) = await home.RunAsync("auth", "add", "-b", "cohere", "-p", "k");

        Assert.Equal(0, exit);
        Assert.Equal("cohere added to the AI backend provider list\n", output);
        Assert.Equal("Warning: backend 'cohere' is not supported yet by this version: it is saved, but --explain cannot use it\n", error);
    }
}
