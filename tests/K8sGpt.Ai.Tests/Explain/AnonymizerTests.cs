using K8sGpt.Ai.Explain;
using K8sGpt.Core.Anonymization;
using K8sGpt.Core.Findings;

namespace K8sGpt.Ai.Tests.Explain;

public sealed class AnonymizerTests
{
    [Fact]
    public void Values_with_pattern_characters_are_matched_literally()
    {
        var anonymizer = For("a.b*(c", "web");

        Assert.Equal($"pod {Token("a.b*(c")} and aXb*(c", anonymizer.Mask("pod a.b*(c and aXb*(c"));
    }

    [Fact]
    public void Only_whole_names_are_replaced()
    {
        var anonymizer = For("web");

        Assert.Equal($"{Token("web")} myweb web-api web_x {Token("web")}/x ({Token("web")}). pod={Token("web")}", anonymizer.Mask("web myweb web-api web_x web/x (web). pod=web"));
    }

    [Fact]
    public void A_longer_name_wins_over_a_shorter_one_it_contains()
    {
        var anonymizer = For("web", "web-api");

        Assert.Equal($"{Token("web-api")} {Token("web")}", anonymizer.Mask("web-api web"));
    }

    [Fact]
    public void Names_inside_messages_are_masked_and_answers_unmasked()
    {
        var anonymizer = For("payments", "worker-1");

        var masked = anonymizer.Mask("0/3 nodes are available: pod payments/worker-1 needs memory");

        Assert.Equal($"0/3 nodes are available: pod {Token("payments")}/{Token("worker-1")} needs memory", masked);
        Assert.Equal("restart payments/worker-1", anonymizer.Unmask($"restart {Token("payments")}/{Token("worker-1")}"));
    }

    [Fact]
    public void Masking_is_deterministic_across_runs()
    {
        Assert.Equal(For("web").Mask("pod web"), For("web").Mask("pod web"));
    }

    private static string Token(string value) => Masker.Default.Mask(value);

    private static Anonymizer For(params string[] values) =>
        Anonymizer.For([new Finding { Kind = "Pod", ObjectName = "x", Failures = [Failure.Of("C", "t", "", values)] }]);
}
