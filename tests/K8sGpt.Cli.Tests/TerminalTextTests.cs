using K8sGpt.Cli.Rendering;

namespace K8sGpt.Cli.Tests;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain text, ünïcode ✓", "plain text, ünïcode ✓")]
    [InlineData("\u001b[2J\u001b[31mred", @"\u001b[2J\u001b[31mred")]
    [InlineData("r\nfake line\r\n0: Pod injected/x()", @"r\nfake line\r\n0: Pod injected/x()")]
    [InlineData("tab\there\u0007bell\u007fdel", @"tab\there\u0007bell\u007fdel")]
    [InlineData("c1\u009b31m csi", @"c1\u009b31m csi")]
    [InlineData("bidi \u202egnp.exe \u2066isolate\u2069 \u202a\u202b\u202c\u202d", @"bidi \u202egnp.exe \u2066isolate\u2069 \u202a\u202b\u202c\u202d")]
    [InlineData("line\u2028separator", @"line\u2028separator")]
    [InlineData("marks \u200e\u200f\u061c zero\u200bwidth \ufeffbom \u2060joiner", @"marks \u200e\u200f\u061c zero\u200bwidth \ufeffbom \u2060joiner")]
    public void A_field_renders_every_control_character_visibly(string value, string expected)
    {
        Assert.Equal(expected, TerminalText.Field(value));
    }

    [Fact]
    public void Lines_keep_line_feeds_and_tabs_but_render_other_controls_visibly()
    {
        Assert.Equal(
            "Error: crash\nSolution:\n\t1. \\u001b[2Jcheck logs\\rover",
            TerminalText.Lines("Error: crash\r\nSolution:\n\t1. \u001b[2Jcheck logs\rover"));
    }

    [Fact]
    public void Null_and_empty_are_empty()
    {
        Assert.Equal("", TerminalText.Field(null));
        Assert.Equal("", TerminalText.Lines(""));
    }
}
