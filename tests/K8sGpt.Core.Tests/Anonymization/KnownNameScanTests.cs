using K8sGpt.Core.Anonymization;

namespace K8sGpt.Core.Tests.Anonymization;

public sealed class KnownNameScanTests
{
    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal)
    {
        "worker-2", "web", "shop-quota", "example.com", "system:masters", "default", "kafka-1",
    };

    [Fact]
    public void Known_names_are_found_as_whole_names_in_order()
    {
        Assert.Equal(
            ["worker-2", "shop-quota", "kafka-1"],
            KnownNameScan.Find("disk used by worker-2; exceeded quota: shop-quota, see pod kafka-1.", s_known));
    }

    [Fact]
    public void Names_inside_longer_names_are_not_found()
    {
        Assert.Empty(KnownNameScan.Find("web-api myweb web_1 worker-22 web.local", s_known));
    }

    [Fact]
    public void A_name_after_a_dot_is_found_as_the_anonymizer_masks_it()
    {
        Assert.Equal(["example.com"], KnownNameScan.Find("pulling registry.example.com/shop/cart:1", s_known));
    }

    [Fact]
    public void Names_with_colons_and_names_next_to_ports_are_found()
    {
        Assert.Equal(["system:masters", "web"], KnownNameScan.Find("group system:masters, service web:8080", s_known));
    }

    [Fact]
    public void Names_every_cluster_has_are_not_added()
    {
        Assert.Empty(KnownNameScan.Find("one of 2 default StorageClasses", s_known));
    }
}
