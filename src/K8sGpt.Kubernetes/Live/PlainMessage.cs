using System.Text.RegularExpressions;

namespace K8sGpt.Kubernetes.Live;

/// <summary>
/// The user-facing part of a client library's exception message. KubernetesClient folds the inner exception's
/// <c>ToString()</c> (type names and stack trace) into some messages, for example when an exec credential plugin
/// prints something that is not JSON; users need the first line, without .NET type names.
/// </summary>
public static partial class PlainMessage
{
    public static string Of(Exception exception) => Of(exception.Message);

    public static string Of(string message)
    {
        var firstLine = message.Split('\n', 2)[0].TrimEnd('\r', ' ');
        return TypeNamePattern().Replace(firstLine, "").Trim();
    }

    [GeneratedRegex(@"\b(System|k8s|Microsoft)(\.\w+)*\.\w*Exception: ")]
    private static partial Regex TypeNamePattern();
}
