namespace K8sGpt.Core.Docs;

/// <summary>One property of an OpenAPI definition.</summary>
/// <param name="Description">Its description, or empty.</param>
/// <param name="Ref">The definition it (or, for arrays, each item) refers to, or empty.</param>
/// <param name="Type">Its OpenAPI type (<c>string</c>, <c>object</c>, ...), or empty.</param>
public sealed record FieldDoc(string Description, string Ref, string Type);
