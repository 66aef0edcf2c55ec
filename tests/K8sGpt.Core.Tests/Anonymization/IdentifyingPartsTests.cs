using K8sGpt.Core.Anonymization;

namespace K8sGpt.Core.Tests.Anonymization;

public sealed class IdentifyingPartsTests
{
    [Theory]
    [InlineData("registry.example.com/shop/frontend:3.2.1", new[] { "registry.example.com", "shop", "frontend" })]
    [InlineData("registry.local:5000/team/app@sha256:0123456789abcdef0123456789abcdef", new[] { "registry.local", "team", "app" })]
    [InlineData("localhost/tools/debug", new[] { "localhost", "tools", "debug" })]
    [InlineData("payments/api:4", new[] { "payments", "api" })]
    [InlineData("busybox", new[] { "busybox" })]
    [InlineData("", new string[0])]
    public void Image_gives_its_registry_host_and_every_path_segment_but_not_its_tag_or_digest(string image, string[] expected)
    {
        Assert.Equal(expected, IdentifyingParts.OfImage(image));
    }

    [Theory]
    [InlineData("community-operators.olm.svc:50051", "community-operators.olm.svc")]
    [InlineData("https://user@prometheus.internal.example.com:9090/api/v1", "prometheus.internal.example.com")]
    [InlineData("[fd00::1]:443", "fd00::1")]
    [InlineData("db", "db")]
    public void Host_is_the_address_without_scheme_credentials_port_or_path(string address, string expected)
    {
        Assert.Equal([expected], IdentifyingParts.OfHost(address));
    }
}
