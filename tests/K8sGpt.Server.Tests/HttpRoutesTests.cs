using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using K8sGpt.Server.Schema.V1;
using K8sGpt.Server.Tests.Support;
using K8sGpt.Testing.FakeAiServe;

namespace K8sGpt.Server.Tests;

/// <summary>JSON routes over plain HTTP/1.1 (as curl sends them), bearer token, TLS.</summary>
public sealed class HttpRoutesTests
{
    [Fact]
    public async Task JSON_routes_answer_plain_HTTP_1_1_on_the_http_port_with_lowerCamelCase_fields()
    {
        await using var openAi = await FakeChatServer.AnsweringAsync("json answer");
        var config = $"ai:\n  providers:\n    - name: openai\n      password: k\n      baseurl: {openAi.BaseAddress}\n";
        await using var server = await ServerHarness.StartAsync(config, customize: s => s with { Http = true });
        using var http = Http11($"http://127.0.0.1:{server.Running.HttpPort}/");

        var analyze = await http.PostAsync(new Uri("v1/analyze", UriKind.Relative), new StringContent("""{"namespace":"shop","label_selector":"app=web"}""", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var query = await http.PostAsJsonAsync(new Uri("v1/query", UriKind.Relative), new { backend = "openai", query = "hi" });
        var list = await http.GetAsync(new Uri("v1/list", UriKind.Relative));
        using var analyzed = JsonDocument.Parse(await analyze.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, analyze.StatusCode);
        Assert.Equal(new Version(1, 1), analyze.Version);
        Assert.Equal("Deployment/web", analyzed.RootElement.GetProperty("results")[0].GetProperty("parentObject").GetString());
        Assert.Equal(1, analyzed.RootElement.GetProperty("problems").GetInt32());
        Assert.Contains("\"response\":\"json answer\"", await query.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("""{"trivy":{"enabled":false,"skipInstall":true,"namespace":""}}""", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shutdown_route_with_an_empty_body_replies_and_stops_the_server()
    {
        await using var server = await ServerHarness.StartAsync("", customize: s => s with { Http = true });
        using var http = Http11($"http://127.0.0.1:{server.Running.HttpPort}/");

        var reply = await http.PostAsync(new Uri("v1/shutdown", UriKind.Relative), null);
        await server.Running.WaitForStopRequestAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("shutting down", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_RPCs_and_routes_need_the_bearer_header_but_health_and_metrics_do_not()
    {
        await using var server = await ServerHarness.StartAsync("", customize: s => s with { Http = true, Token = "s3cret-token" });
        using var http = Http11($"http://127.0.0.1:{server.Running.HttpPort}/");

        var denied = await Assert.ThrowsAsync<RpcException>(() => server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline()).ResponseAsync);
        var allowed = await server.Analyzer.AnalyzeAsync(new AnalyzeRequest(), new Metadata { { "authorization", "Bearer s3cret-token" } }, DateTime.UtcNow.AddSeconds(30));
        var wrong = await Assert.ThrowsAsync<RpcException>(() =>
            server.Config.ListIntegrationsAsync(new ListIntegrationsRequest(), new Metadata { { "authorization", "Bearer nope" } }, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest(), ServerHarness.Deadline());
        var route = await http.GetAsync(new Uri("v1/list", UriKind.Relative));
        var metrics = await server.Http.GetAsync(new Uri("metrics", UriKind.Relative));

        Assert.Equal(StatusCode.Unauthenticated, denied.StatusCode);
        Assert.Equal(1, allowed.Problems);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, route.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.DoesNotContain("s3cret-token", server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_TLS_gRPC_and_the_JSON_routes_share_the_port()
    {
        using var folder = new TempFolder();
        using var certificate = SelfSigned();
        var certPath = folder.Write("tls.crt", certificate.ExportCertificatePem());
        var keyPath = folder.Write("tls.key", certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        await using var server = await ServerHarness.StartAsync("", customize: s => s with { Http = true, TlsCertPath = certPath, TlsKeyPath = keyPath });
        var thumbprint = certificate.Thumbprint;
        SocketsHttpHandler Trusting() => new() { SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate2 c && c.Thumbprint == thumbprint } };
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.Running.GrpcPort}", new GrpcChannelOptions { HttpHandler = Trusting() });
        using var http = new HttpClient(Trusting()) { BaseAddress = new Uri($"https://127.0.0.1:{server.Running.GrpcPort}/"), DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var grpc = await new ServerAnalyzerService.ServerAnalyzerServiceClient(channel).AnalyzeAsync(new AnalyzeRequest(), ServerHarness.Deadline());
        var json = await http.GetAsync(new Uri("v1/list", UriKind.Relative));

        Assert.Equal(1, grpc.Problems);
        Assert.Null(server.Running.HttpPort);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(new Version(1, 1), json.Version);
    }

    private static HttpClient Http11(string address) => new()
    {
        BaseAddress = new Uri(address),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
