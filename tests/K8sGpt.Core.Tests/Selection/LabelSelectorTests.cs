using K8sGpt.Core.Selection;

namespace K8sGpt.Core.Tests.Selection;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> s_web = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app!=db", true)]
    [InlineData("app in (web, api)", true)]
    [InlineData("app notin (web,api)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("app=web, tier in (front)", true)]
    [InlineData("missing!=x", true)]
    public void Full_selector_syntax_matches_as_the_api_server_does(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(s_web));

    [Theory]
    [InlineData("app in web")]
    [InlineData("app in (web")]
    [InlineData("=web")]
    [InlineData("app=web,")]
    [InlineData("app >> web")]
    public void Invalid_selectors_are_rejected_with_the_position(string selector)
    {
        var error = Assert.Throws<LabelSelectorParseException>(() => LabelSelector.Parse(selector));
        Assert.Contains(selector, error.Message, StringComparison.Ordinal);
        Assert.Contains("position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_selector_selects_everything_and_a_nil_api_selector_selects_nothing()
    {
        Assert.True(LabelSelector.Parse("").Matches(null));
        Assert.False(LabelSelector.FromApi(null).Matches(s_web));
        Assert.True(LabelSelector.FromApi(new k8s.Models.V1LabelSelector()).Matches(s_web));
    }
}
