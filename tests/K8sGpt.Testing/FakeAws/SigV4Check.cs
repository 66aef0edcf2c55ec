using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace K8sGpt.Testing.FakeAws;

/// <summary>
/// Checks a request's AWS Signature Version 4 the way AWS does, written from the published algorithm and kept
/// independent of the SDK that signs: canonical request, string to sign, derived key, HMAC.
/// </summary>
public static class SigV4Check
{
    public sealed record Parsed(string AccessKey, string Date, string Region, string Service, string[] SignedHeaders, string Signature);

    /// <summary>Null when the signature is valid, else why not.</summary>
    public static string? Verify(
        string method, string rawTarget, IReadOnlyDictionary<string, string> headers, string secretKey, out Parsed? parsed)
    {
        parsed = Parse(headers.GetValueOrDefault("authorization") ?? "");
        if (parsed is null)
        {
            return "missing or malformed Authorization header";
        }

        if (headers.GetValueOrDefault("x-amz-date") is not { Length: 16 } amzDate || !amzDate.StartsWith(parsed.Date, StringComparison.Ordinal))
        {
            return "missing or inconsistent X-Amz-Date";
        }

        var split = rawTarget.Split('?', 2);
        var canonicalQuery = split.Length < 2 ? "" : string.Join('&', split[1]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(static p => p.Split('=', 2))
            .Select(static p => (Name: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(static p => p.Name, StringComparer.Ordinal).ThenBy(static p => p.Value, StringComparer.Ordinal)
            .Select(static p => $"{p.Name}={p.Value}"));
        var canonicalHeaders = string.Concat(parsed.SignedHeaders.Select(h => $"{h}:{(headers.GetValueOrDefault(h) ?? "").Trim()}\n"));
        var payloadHash = headers.GetValueOrDefault("x-amz-content-sha256") ?? Hex(SHA256.HashData([]));
        var canonicalRequest = string.Join('\n', method, split[0], canonicalQuery, canonicalHeaders, string.Join(';', parsed.SignedHeaders), payloadHash);
        var scope = $"{parsed.Date}/{parsed.Region}/{parsed.Service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { parsed.Date, parsed.Region, parsed.Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return string.Equals(expected, parsed.Signature, StringComparison.Ordinal)
            ? null
            : "The request signature we calculated does not match the signature you provided.";
    }

    private static Parsed? Parse(string authorization)
    {
        const string Algorithm = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(Algorithm, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = authorization[Algorithm.Length..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(static f => f.Split('=', 2))
            .Where(static f => f.Length == 2)
            .ToDictionary(static f => f[0], static f => f[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signed) || !fields.TryGetValue("Signature", out var signature))
        {
            return null;
        }

        var scope = credential.Split('/');
        return scope.Length == 5 && scope[4] == "aws4_request"
            ? new Parsed(scope[0], scope[1], scope[2], scope[3], signed.Split(';'), signature)
            : null;
    }

    /// <summary>RFC 3986 encoding, as SigV4 wants it (unreserved characters kept, everything else %XX upper case).</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
