namespace K8sGpt.Testing.FakeAiServe;

/// <summary>One chat request as the fake saw it.</summary>
public sealed record FakeChatRequest(string Path, string Query, string? ApiKey, string? Authorization, string Body);
