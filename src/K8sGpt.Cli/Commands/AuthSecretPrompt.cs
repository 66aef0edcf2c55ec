using System.Text;
using K8sGpt.Cli.Infrastructure;

namespace K8sGpt.Cli.Commands;

/// <summary>Reads a required key that was not given as a flag: hidden input on a terminal, an error otherwise.</summary>
public static class AuthSecretPrompt
{
    public static string Read(ConsoleIo io, string backend)
    {
        if (!io.InputIsTerminal)
        {
            throw new UsageException($"the API key for '{backend}' is required: pass --password <key> (stdin is not a terminal, so it cannot be asked for)");
        }

        io.Error.Write($"Enter {backend} Key: ");
        io.Error.Flush();
        var key = ReferenceEquals(io.Input, Console.In) && !Console.IsInputRedirected ? ReadHidden() : io.Input.ReadLine();
        io.Error.WriteLine();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException($"no API key entered for '{backend}'");
        }

        return key.Trim();
    }

    private static string ReadHidden()
    {
        var key = new StringBuilder();
        while (true)
        {
            var info = Console.ReadKey(intercept: true);
            switch (info.Key)
            {
                case ConsoleKey.Enter:
                    return key.ToString();
                case ConsoleKey.Backspace when key.Length > 0:
                    key.Length--;
                    break;
                case ConsoleKey.Backspace:
                    break;
                default:
                    if (!char.IsControl(info.KeyChar))
                    {
                        key.Append(info.KeyChar);
                    }

                    break;
            }
        }
    }
}
