namespace K8sGpt.Cli.Tests;

public sealed class AnalyzeErrorTests
{
    [Fact]
    public async Task Unknown_output_format_is_rejected_before_any_work_naming_the_valid_formats()
    {
        using var cli = new CliRun();

        // The snapshot does not exist: had any work started, the error would be about the snapshot (exit 2).
        var result = await cli.RunAsync("analyze", "--snapshot", Path.Combine(cli.Root, "missing.yaml"), "-o", "yaml");

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Equal("Error: unsupported output format: yaml. Available formats: text, json\n", result.Err);
    }

    [Fact]
    public async Task Unknown_output_format_is_rejected_before_the_config_is_read()
    {
        using var cli = new CliRun();
        cli.WriteConfig("ai: [broken\n");

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-o", "xml");

        Assert.Equal(1, result.Exit);
        Assert.Contains("unsupported output format: xml", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_snapshot_exits_2_naming_file_and_document()
    {
        using var cli = new CliRun();
        var fixture = CliRun.Fixture("malformed.yaml");

        var result = await cli.RunAsync("analyze", "--snapshot", fixture, "-o", "json");

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains(fixture, result.Err, StringComparison.Ordinal);
        Assert.Contains("document 2", result.Err, StringComparison.Ordinal);
        Assert.Contains("line 9", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_object_that_does_not_fit_its_kind_exits_2_with_the_field_in_plain_words()
    {
        using var cli = new CliRun();
        var snapshot = Path.Combine(cli.Root, "hpa.yaml");
        await File.WriteAllTextAsync(snapshot, """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: shop}
            spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}}
            status: {conditions: oops}
            """);

        var result = await cli.RunAsync("analyze", "--snapshot", snapshot, "--filter", "Pod");

        Assert.Equal(2, result.Exit);
        Assert.Equal(
            $"Error: {snapshot}: document 2 (line 4): HorizontalPodAutoscaler shop/web is malformed: status.conditions: expected a list, found a string",
            result.Err.TrimEnd());
    }

    [Fact]
    public async Task A_name_with_control_characters_cannot_forge_lines_of_the_error()
    {
        using var cli = new CliRun();
        var snapshot = Path.Combine(cli.Root, "forged.json");
        Directory.CreateDirectory(cli.Root);
        await File.WriteAllTextAsync(snapshot, """
            {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
             "metadata": {"name": "h\u001b[31mX\nY", "namespace": "shop"},
             "spec": {"maxReplicas": 3, "scaleTargetRef": {"kind": "Deployment", "name": "web"}},
             "status": {"conditions": "oops"}}
            """);

        var result = await cli.RunAsync("analyze", "--snapshot", snapshot, "--filter", "Pod");

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.Contains(@"HorizontalPodAutoscaler shop/h\u001b[31mX\u000aY is malformed: status.conditions: expected a list, found a string", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_snapshot_exits_2_naming_the_path()
    {
        using var cli = new CliRun();
        var path = Path.Combine(cli.Root, "nowhere.yaml");

        var result = await cli.RunAsync("analyze", "--snapshot", path);

        Assert.Equal(2, result.Exit);
        Assert.Contains(path, result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app in (web")]
    [InlineData("=web")]
    [InlineData("app in web")]
    public async Task Invalid_selector_exits_1(string selector)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-L", selector, "-o", "json");

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Out);
        Assert.StartsWith("Error: ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespace_missing_from_a_snapshot_that_lists_namespaces_exits_1_naming_the_known_ones()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("crashloop.yaml"), "-n", "nope");

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains("namespace \"nope\" not found", result.Err, StringComparison.Ordinal);
        Assert.Contains("default, shop", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespace_in_a_snapshot_without_namespaces_is_accepted()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "-n", "elsewhere");

        Assert.Equal(0, result.Exit);
        Assert.Contains("No problems detected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_config_file_exits_1_naming_file_and_line()
    {
        using var cli = new CliRun();
        var path = cli.WriteConfig("active_filters:\n  - Pod\n bad: indent\n");

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"));

        Assert.Equal(1, result.Exit);
        Assert.Contains(path, result.Err, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_flag_exits_1_with_the_message_on_stderr()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "--no-such-flag");

        Assert.Equal(1, result.Exit);
        Assert.Contains("--no-such-flag", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_without_any_provider_says_how_to_add_one()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", "--snapshot", CliRun.Fixture("healthy.yaml"), "--explain");

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains("k8sgpt auth add --backend", result.Err, StringComparison.Ordinal);
    }
}
