using System.Security.Cryptography;
using System.Text;

namespace K8sGpt.Ai.Cache;

/// <summary>Cache keys for explanations: SHA-256 over everything that changes the answer.</summary>
public static class CacheKey
{
    /// <summary>64 lower-case hex characters over backend, model, language, prompt version and the (masked) text.</summary>
    public static string For(string backend, string model, string language, string promptVersion, string text)
    {
        var material = string.Join('\n', "k8sgpt-explanation", backend, model, language, promptVersion, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    public static bool IsKey(string name) => name.Length == 64 && name.All(static c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
