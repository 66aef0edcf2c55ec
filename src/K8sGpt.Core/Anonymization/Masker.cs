using System.Security.Cryptography;
using System.Text;

namespace K8sGpt.Core.Anonymization;

/// <summary>
/// Replaces identifying values with tokens. A value always gets the same token from the same key, so identical
/// inputs mask identically (and cached explanations keep matching), while distinct values never share a token.
/// </summary>
public sealed class Masker(byte[] key)
{
    private static readonly byte[] s_defaultKey = "k8sgpt-dotnet-masking-v1"u8.ToArray();

    /// <summary>A masker with the built-in key.</summary>
    public static Masker Default { get; } = new(s_defaultKey);

    /// <summary>The token standing for <paramref name="value"/>.</summary>
    public string Mask(string value)
    {
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return "m" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
