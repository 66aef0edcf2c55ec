using K8sGpt.Core.Analysis;

namespace K8sGpt.Core.Tests.Analysis;

public sealed class AnalyzerContextNotCheckedTests
{
    [Fact]
    public void Skipped_checks_are_counted_into_one_note_per_reason()
    {
        var context = new AnalyzerContext("HTTPRoute", DateTimeOffset.UnixEpoch);

        context.ReportNotChecked("gateways.gateway.networking.k8s.io not in this snapshot", "parentRef");
        context.ReportNotChecked("services not in this snapshot", "backendRef");
        context.ReportNotChecked("gateways.gateway.networking.k8s.io not in this snapshot", "parentRef");
        context.ReportNotChecked("gateways.gateway.networking.k8s.io not in this snapshot", "listener namespace selector");

        Assert.Equal(
        [
            "[HTTPRoute] gateways.gateway.networking.k8s.io not in this snapshot: 2 parentRefs, 1 listener namespace selector not checked",
            "[HTTPRoute] services not in this snapshot: 1 backendRef not checked",
        ], context.Notes);
    }

    [Fact]
    public void Notes_about_objects_come_first_and_an_irregular_plural_is_used_as_given()
    {
        var context = new AnalyzerContext("StatefulSet", DateTimeOffset.UnixEpoch);

        context.ReportNotChecked("pods not in this snapshot", "StatefulSet's pods", "StatefulSets' pods");
        context.ReportNote("shop/web", "something else");
        context.ReportNotChecked("pods not in this snapshot", "StatefulSet's pods", "StatefulSets' pods");

        Assert.Equal(
        [
            "[StatefulSet] shop/web: something else",
            "[StatefulSet] pods not in this snapshot: 2 StatefulSets' pods not checked",
        ], context.Notes);
    }

    [Fact]
    public void A_context_with_nothing_skipped_has_no_notes()
    {
        Assert.Empty(new AnalyzerContext("Pod", DateTimeOffset.UnixEpoch).Notes);
    }
}
