namespace K8sGpt.Core.Tests.Analyzers;

/// <summary>
/// The <c>K8sGptSnapshot</c> header a dump carries, declaring how each read went, so fixtures can say
/// "Services were listed and this one is absent" apart from "Services could not be listed".
/// </summary>
internal static class ReadStates
{
    /// <summary>A header document; each entry is <c>(group, kind, resource, state)</c> with state Loaded, Forbidden, ...</summary>
    public static string Header(params (string Group, string Kind, string Resource, string State)[] reads)
    {
        var resources = string.Join('\n', reads.Select(static r =>
            $"- {{group: \"{r.Group}\", version: v1, kind: {r.Kind}, resource: {r.Resource}, state: {r.State}, detail: \"{(r.State == "Forbidden" ? "HTTP 403" : "")}\"}}"));
        return $"""
            apiVersion: k8sgpt.ai/v1
            kind: K8sGptSnapshot
            metadata: {"{"}name: snapshot{"}"}
            resources:
            {resources}
            ---

            """;
    }
}
