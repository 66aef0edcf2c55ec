using System.Text.Json.Nodes;
using K8sGpt.Testing.FakeAi;

namespace K8sGpt.Cli.Tests;

/// <summary>
/// `--anonymize` on the bundled example, against a recording fake endpoint: nothing the analyzers marked sensitive
/// (names, namespaces, label values, names inside event and condition messages) ever reaches the backend.
/// </summary>
public sealed class ExampleAnonymizeTests
{
    [Fact]
    public async Task No_unmasked_value_from_the_example_reaches_the_AI_endpoint()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "localai", "-u", fake.Url + "/v1", "-m", "llama-3");

        var (exit, output, error) = await home.RunAsync("analyze", "--snapshot", ExampleSnapshotTests.ExamplePath, "--explain", "-b", "localai", "--anonymize", "--no-cache", "-o", "json");

        Assert.Equal((0, ""), (exit, error));
        var results = JsonNode.Parse(output)!["results"]!.AsArray();
        var sensitive = results
            .SelectMany(static r => r!["error"]!.AsArray())
            .SelectMany(static e => e!["Sensitive"]?.AsArray() ?? [])
            .Select(static s => s!["Unmasked"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(sensitive.Count > 50, $"the example marks {sensitive.Count} values sensitive");
        AssertNothingSent(fake, sensitive);
    }

    [Fact]
    public async Task With_every_analyzer_no_name_user_email_or_registry_host_of_the_example_reaches_the_AI_endpoint()
    {
        using var home = new ExplainCliHome();
        await using var fake = await FakeAiServer.StartAsync(FakeAiDialect.OpenAi);
        await home.RunAsync("auth", "add", "-b", "localai", "-u", fake.Url + "/v1", "-m", "llama-3");
        var filters = await EveryFilterAsync(home);

        var (exit, output, error) = await home.RunAsync("analyze", "--snapshot", ExampleSnapshotTests.ExamplePath, "--filter", string.Join(",", filters), "--explain", "-b", "localai", "--anonymize", "--no-cache", "-o", "json");

        Assert.Equal((0, ""), (exit, error));
        Assert.True(JsonNode.Parse(output)!["results"]!.AsArray().Count > 80, "every analyzer ran");
        var identities = ExampleIdentities.Read(ExampleSnapshotTests.ExamplePath);
        Assert.Contains("contractor@example.com", identities);
        Assert.Contains("registry.example.com", identities);
        AssertNothingSent(fake, identities);
    }

    /// <summary>Every filter name <c>filters list</c> shows: core, optional and integration analyzers.</summary>
    private static async Task<string[]> EveryFilterAsync(ExplainCliHome home)
    {
        var (exit, output, _) = await home.RunAsync("filters", "list");
        Assert.Equal(0, exit);
        var filters = output.Split('\n')
            .Where(static line => line.StartsWith("> ", StringComparison.Ordinal))
            .Select(static line => line[2..].Split(' ')[0].Trim())
            .ToArray();
        Assert.Contains("Security", filters);
        Assert.Contains("VulnerabilityReport", filters);
        return filters;
    }

    private static void AssertNothingSent(FakeAiServer fake, IReadOnlySet<string> values)
    {
        Assert.NotEmpty(fake.Requests);
        var leaks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var request in fake.Requests)
        {
            var sent = System.Text.RegularExpressions.Regex.Unescape(request.Body);
            leaks.UnionWith(values.Where(value => ContainsAsToken(sent, value)));
        }

        Assert.True(leaks.Count == 0, "sent unmasked: " + string.Join(", ", leaks));
    }

    /// <summary>A value counts as sent when it stands in the text as a whole token, not inside a longer word.</summary>
    private static bool ContainsAsToken(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !IsNameChar(text[at - 1]);
            var after = at + value.Length == text.Length || !IsNameChar(text[at + value.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;

        static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';
    }
}
