
using Spectre.Console;using K8sGpt.Cli.Rendering;


namespace K8sGpt.Cli.Infrastructure;

/// <summary>
/// All terminal I/O of the CLI: stdout for the command's output, stderr for everything else, and the
/// environment. Tests build one over string writers.
/// </summary>
public sealed class ConsoleIo
{
    public ConsoleIo(TextWriter output, TextWriter error, TextReader input, Func<string, string?> environment, bool outputIsTerminal, bool errorIsTerminal, bool inputIsTerminal = false)
    {
        Output = output;
        Error = error;
        Input = input;
        Environment = environment;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        InputIsTerminal = inputIsTerminal;
        var colour = environment("NO_COLOR") is not { Length: > 0 };
        Out = CreateConsole(output, outputIsTerminal && colour);
        Err = CreateConsole(error, errorIsTerminal && colour);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public TextReader Input { get; }

    public Func<string, string?> Environment { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    public bool InputIsTerminal { get; }

    /// <summary>Rendering console over stdout; colour only on a terminal and never with <c>NO_COLOR</c>.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Rendering console over stderr.</summary>
    public IAnsiConsole Err { get; }

    public static ConsoleIo FromSystem() => new(
        Console.Out,
        Console.Error,
        Console.In,
        System.Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        !Console.IsInputRedirected);

    /// <summary>Writes an error to stderr (red on a terminal). Messages quote cluster and backend errors, so control characters are neutralised; their own line breaks are kept.</summary>
    public void WriteError(string message) => Err.MarkupLineInterpolated($"[red]Error:[/] {TerminalText.Lines(message)}");

    /// <summary>Writes a warning to stderr (yellow on a terminal), neutralised like <see cref="WriteError"/>.</summary>
    public void WriteWarning(string message) => Err.MarkupLineInterpolated($"[yellow]Warning:[/] {TerminalText.Lines(message)}");

    private static IAnsiConsole CreateConsole(TextWriter writer, bool colour)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });

        // Text piped to a file or another program must not be wrapped at an imaginary 80 columns.
        if (!colour)
        {
            console.Profile.Width = 100_000;
        }

        return console;
    }
}
