using System.Text.RegularExpressions;

namespace K8sGpt.Core.Analyzers;

/// <summary>
/// The OCI / distribution image-reference grammar: <c>[domain[:port]/]path[:tag][@digest]</c>, where path
/// components are lower-case alphanumerics joined by <c>.</c>, <c>_</c>, <c>__</c> or runs of <c>-</c>.
/// </summary>
internal static partial class OciReference
{
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Domain = DomainComponent + @"(?:\." + DomainComponent + @")*(?::[0-9]+)?";
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string Digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private const string Reference = "^(?:" + Domain + "/)?" + PathComponent + "(?:/" + PathComponent + ")*(?::" + Tag + ")?(?:@" + Digest + ")?\\z";

    public static bool IsValid(string reference)
    {
        var name = reference.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', lastSlash + 1);
        var repository = colon < 0 ? name : name[..colon];
        return repository.Length <= 255 && ReferencePattern().IsMatch(reference);
    }

    public static bool HasSha256Digest(string reference) => Sha256Suffix().IsMatch(reference);

    [GeneratedRegex(Reference, RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("@sha256:[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Suffix();
}
