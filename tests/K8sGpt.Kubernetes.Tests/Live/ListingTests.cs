using System.Text.Json.Nodes;
using k8s.Models;
using K8sGpt.Core.Analysis;
using K8sGpt.Core.Snapshot;
using K8sGpt.Testing.FakeKubernetes;

namespace K8sGpt.Kubernetes.Tests.Live;

public sealed class ListingTests
{
    private static readonly string s_twoNamespaces =
        Yaml.Namespace("shop") + Yaml.Namespace("blog")
        + Yaml.HealthyPod("shop", "cart", "cart") + Yaml.HealthyPod("shop", "web", "web") + Yaml.HealthyPod("blog", "web", "web")
        + Yaml.EventFor("shop", "cart", "BackOff", "Back-off restarting failed container");

    [Fact]
    public async Task Namespace_scope_lists_only_inside_that_namespace()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods)], ns: "shop");

        Assert.Equal(["shop/cart", "shop/web"], snapshot.Objects(KnownResources.Pods).Select(static p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}").Order());
        Assert.Single(cluster.Server.Requests.To("/api/v1/namespaces/shop"));
        Assert.Single(cluster.Server.Requests.To("/api/v1/namespaces/shop/pods"));
        Assert.Empty(cluster.Server.Requests.To("/api/v1/pods"));
    }

    [Fact]
    public async Task Missing_namespace_is_a_namespace_not_found_error_and_nothing_is_listed()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);

        var error = await Assert.ThrowsAsync<NamespaceNotFoundException>(() =>
            cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods)], ns: "nope"));

        Assert.Equal($"namespace \"nope\" not found in the cluster at {cluster.Server.Url.ToString().TrimEnd('/')}", error.Message);
        Assert.DoesNotContain(cluster.Server.Requests.All, static r => r.Path.EndsWith("/pods", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forbidden_namespace_check_does_not_stop_the_run()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);
        cluster.Server.Inject(KnownResources.Namespaces, FakeFault.Forbidden);

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods)], ns: "shop");

        Assert.Equal(403, cluster.Server.Requests.To("/api/v1/namespaces/shop").Single().Status);
        Assert.Equal(2, snapshot.Objects(KnownResources.Pods).Count);
    }

    [Fact]
    public async Task A_listed_object_that_does_not_fit_its_kind_fails_only_that_type_naming_the_object_and_field()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);
        cluster.Server.Objects.Add(KnownResources.HorizontalPodAutoscalers, JsonNode.Parse("""
            {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web", "namespace": "shop"},
             "status": {"conditions": "oops"}}
            """)!.AsObject());

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.HorizontalPodAutoscalers)]);

        Assert.Equal(3, snapshot.Objects(KnownResources.Pods).Count);
        var status = snapshot.StatusOf(KnownResources.HorizontalPodAutoscalers);
        Assert.Equal(ReadState.Failed, status.State);
        Assert.EndsWith(
            "malformed response: HorizontalPodAutoscaler shop/web is malformed: status.conditions: expected a list, found a string",
            status.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_selector_is_sent_to_the_server_on_primary_lists_only()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);

        var snapshot = await cluster.LoadAsync(
            [ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events), ResourceRead.Lookup(KnownResources.Namespaces)],
            selector: "app=cart");

        Assert.Equal("app=cart", cluster.Server.Requests.To("/api/v1/pods").Single().QueryValue("labelSelector"));
        Assert.Null(cluster.Server.Requests.To("/api/v1/events").Single().QueryValue("labelSelector"));
        Assert.Null(cluster.Server.Requests.To("/api/v1/namespaces").Single().QueryValue("labelSelector"));
        Assert.Equal(["cart"], snapshot.Objects(KnownResources.Pods).Select(static p => p.Metadata.Name));
        Assert.Equal(2, snapshot.Objects(KnownResources.Namespaces).Count);
    }

    [Fact]
    public async Task Paging_across_several_pages_returns_every_object()
    {
        await using var cluster = await LiveCluster.StartAsync(Yaml.ManyPods(10));

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods)], options: cluster.Options with { PageSize = 3 });

        var pages = cluster.Server.Requests.To("/api/v1/pods");
        Assert.Equal(4, pages.Count);
        Assert.All(pages, static p => Assert.Equal("3", p.QueryValue("limit")));
        Assert.Equal([null, "Mw==", "Ng==", "OQ=="], pages.Select(static p => p.QueryValue("continue")));
        Assert.Equal(10, snapshot.Objects(KnownResources.Pods).Select(static p => p.Metadata.Name).Distinct().Count());
        Assert.Equal(4, snapshot.Facts.ListTimings.Single(static t => t.Resource == "pods").Pages);
    }

    [Fact]
    public async Task Forbidden_list_becomes_a_forbidden_status_naming_verb_and_resource()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);
        cluster.Server.Inject(KnownResources.Pods, FakeFault.Forbidden);

        var cluster_wide = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events)]);
        var namespaced = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods)], ns: "shop");

        Assert.Equal(new ResourceReadStatus(ReadState.Forbidden, "list pods cluster-wide"), cluster_wide.StatusOf(KnownResources.Pods));
        Assert.Equal(new ResourceReadStatus(ReadState.Forbidden, "list pods in namespace \"shop\""), namespaced.StatusOf(KnownResources.Pods));
        Assert.True(cluster_wide.StatusOf(KnownResources.Events).IsLoaded);
    }

    [Fact]
    public async Task Unserved_api_group_is_not_served_and_never_requested()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);
        cluster.Server.Unserve("autoscaling/v2");

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.HorizontalPodAutoscalers), ResourceRead.Primary(KnownResources.Pods)]);

        Assert.Equal(ReadState.NotServed, snapshot.StatusOf(KnownResources.HorizontalPodAutoscalers).State);
        Assert.DoesNotContain(cluster.Server.Requests.All, static r => r.Path.StartsWith("/apis/autoscaling", StringComparison.Ordinal));
        Assert.DoesNotContain("autoscaling/v2", snapshot.Facts.ServedGroupVersions);
        Assert.Contains("apps/v1", snapshot.Facts.ServedGroupVersions);
    }

    [Theory]
    [InlineData(404, ReadState.NotServed, "list pods cluster-wide: 404 Not Found")]
    [InlineData(500, ReadState.Failed, "list pods cluster-wide: 500 injected failure 500 for pods")]
    public async Task Failed_list_becomes_a_status_with_the_reason_and_other_lists_still_load(int status, ReadState state, string detail)
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);
        cluster.Server.Inject(KnownResources.Pods, new FakeFault(status));

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events)]);

        Assert.Equal(new ResourceReadStatus(state, detail), snapshot.StatusOf(KnownResources.Pods));
        Assert.Single(snapshot.Objects(KnownResources.Events));
    }

    [Fact]
    public async Task List_slower_than_the_list_timeout_fails_with_a_timeout_reason()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);
        cluster.Server.Inject(KnownResources.Pods, FakeFault.Delay(TimeSpan.FromMinutes(5)));

        var snapshot = await cluster.LoadAsync(
            [ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events)],
            options: cluster.Options with { ListTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(new ResourceReadStatus(ReadState.Failed, "list pods cluster-wide timed out after 0.3 s"), snapshot.StatusOf(KnownResources.Pods));
        Assert.True(snapshot.StatusOf(KnownResources.Events).IsLoaded);
    }

    [Fact]
    public async Task Events_are_listed_once_and_joined_to_their_objects()
    {
        await using var cluster = await LiveCluster.StartAsync(s_twoNamespaces);

        var snapshot = await cluster.LoadAsync([ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events)]);

        var cart = snapshot.All<V1Pod>().Single(static p => p.Metadata.Name == "cart");
        Assert.Equal(["BackOff"], snapshot.EventsFor(cart, "Pod").Select(static e => e.Reason));
        Assert.Single(cluster.Server.Requests.All, static r => r.Path.Contains("events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secret_values_are_never_kept()
    {
        await using var cluster = await LiveCluster.StartAsync("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              namespace: shop
            type: Opaque
            data:
              password: aHVudGVyMg==
            stringData:
              token: plain
            """);

        var snapshot = await cluster.LoadAsync([ResourceRead.Lookup(KnownResources.Secrets)]);

        var secret = snapshot.All<V1Secret>().Single();
        Assert.Null(secret.Data);
        Assert.Null(secret.StringData);
        Assert.Equal("Opaque", secret.Type);
    }

    [Fact]
    public async Task Ten_objects_and_two_thousand_objects_cost_the_same_number_of_requests()
    {
        // Page size 2,500 so both clusters fit one page per type: the count depends only on the types read.
        var reads = new[]
        {
            ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events),
            ResourceRead.Lookup(KnownResources.ReplicaSets), ResourceRead.Lookup(KnownResources.Jobs),
        };
        await using var small = await LiveCluster.StartAsync(Yaml.ManyPods(10));
        await using var large = await LiveCluster.StartAsync(Yaml.ManyPods(2000));

        var smallSnapshot = await small.LoadAsync(reads, options: small.Options with { PageSize = 2500 });
        var largeSnapshot = await large.LoadAsync(reads, options: large.Options with { PageSize = 2500 });

        Assert.Equal(2000, largeSnapshot.Objects(KnownResources.Pods).Count);
        Assert.Equal(small.Server.Requests.Count, large.Server.Requests.Count);

        // /version, /api, /apis, /api/v1, /apis/apps/v1, /apis/batch/v1, then one list per type.
        Assert.Equal(6 + reads.Length, large.Server.Requests.Count);
        Assert.Equal(large.Server.Requests.Count, largeSnapshot.Facts.ApiRequests);
        Assert.Equal(small.Server.Requests.Count, smallSnapshot.Facts.ApiRequests);
    }

    [Fact]
    public async Task With_the_default_page_size_two_thousand_pods_take_four_pages_and_nothing_else_grows()
    {
        await using var large = await LiveCluster.StartAsync(Yaml.ManyPods(2000));

        var snapshot = await large.LoadAsync([ResourceRead.Primary(KnownResources.Pods), ResourceRead.Lookup(KnownResources.Events)]);

        Assert.Equal(4, large.Server.Requests.To("/api/v1/pods").Count);
        Assert.Equal(4 + 4 + 1, snapshot.Facts.ApiRequests);
    }
}
