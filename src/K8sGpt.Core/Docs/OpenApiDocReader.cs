using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sGpt.Core.Docs;

/// <summary>
/// Reads an OpenAPI v2 document (several megabytes) as a stream, keeping only the definitions' property
/// descriptions, types and references: paths, definition descriptions and everything else are skipped unread.
/// </summary>
public static class OpenApiDocReader
{
    private const string RefPrefix = "#/definitions/";

    public static async Task<FieldDocs> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var document = await JsonSerializer.DeserializeAsync<Document>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var definitions = (document?.Definitions ?? []).ToDictionary(
            static kv => kv.Key,
            static kv => (IReadOnlyDictionary<string, FieldDoc>)(kv.Value?.Properties ?? []).ToDictionary(
                static p => p.Key,
                static p => new FieldDoc(p.Value?.Description ?? "", RefName(p.Value?.Ref ?? p.Value?.Items?.Ref), p.Value?.Type ?? ""),
                StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new FieldDocs(definitions);
    }

    private static string RefName(string? reference) =>
        reference is null ? "" : reference.StartsWith(RefPrefix, StringComparison.Ordinal) ? reference[RefPrefix.Length..] : reference;

    private sealed record Document([property: JsonPropertyName("definitions")] Dictionary<string, Definition?>? Definitions);

    private sealed record Definition([property: JsonPropertyName("properties")] Dictionary<string, Property?>? Properties);

    private sealed record Property(
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("$ref")] string? Ref,
        [property: JsonPropertyName("items")] Items? Items);

    private sealed record Items([property: JsonPropertyName("$ref")] string? Ref);
}
