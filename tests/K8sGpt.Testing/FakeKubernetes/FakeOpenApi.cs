using System.Text.Json.Nodes;

namespace K8sGpt.Testing.FakeKubernetes;

/// <summary>A small OpenAPI v2 document in the shape the API server serves at <c>/openapi/v2</c>.</summary>
public static class FakeOpenApi
{
    public const string ReplicasDoc = "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.";

    public const string ImageDoc = "Container image name.";

    public const string SelectorDoc = "Route service traffic to pods with label keys and values matching this selector.";

    public static JsonObject Document() => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.31.2" },
        ["paths"] = new JsonObject
        {
            ["/api/v1/pods"] = new JsonObject { ["get"] = new JsonObject { ["description"] = "list or watch objects of kind Pod" } },
        },
        ["definitions"] = new JsonObject
        {
            ["io.k8s.api.apps.v1.Deployment"] = Definition("Deployment enables declarative updates for Pods and ReplicaSets.",
                ("metadata", Ref("Standard object's metadata.", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")),
                ("spec", Ref("Specification of the desired behavior of the Deployment.", "io.k8s.api.apps.v1.DeploymentSpec"))),
            ["io.k8s.api.apps.v1.DeploymentSpec"] = Definition("DeploymentSpec is the specification of the desired behavior of the Deployment.",
                ("replicas", Typed(ReplicasDoc, "integer")),
                ("template", Ref("Template describes the pods that will be created.", "io.k8s.api.core.v1.PodTemplateSpec"))),
            ["io.k8s.api.core.v1.PodTemplateSpec"] = Definition("PodTemplateSpec describes the data a pod should have.",
                ("spec", Ref("Specification of the desired behavior of the pod.", "io.k8s.api.core.v1.PodSpec"))),
            ["io.k8s.api.core.v1.Pod"] = Definition("Pod is a collection of containers that can run on a host.",
                ("spec", Ref("Specification of the desired behavior of the pod.", "io.k8s.api.core.v1.PodSpec"))),
            ["io.k8s.api.core.v1.PodSpec"] = Definition("PodSpec is a description of a pod.",
                ("containers", new JsonObject
                {
                    ["description"] = "List of containers belonging to the pod.",
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["$ref"] = "#/definitions/io.k8s.api.core.v1.Container" },
                })),
            ["io.k8s.api.core.v1.Container"] = Definition("A single application container.",
                ("image", Typed(ImageDoc, "string"))),
            ["io.k8s.api.core.v1.Service"] = Definition("Service is a named abstraction of software service.",
                ("spec", Ref("Spec defines the behavior of a service.", "io.k8s.api.core.v1.ServiceSpec"))),
            ["io.k8s.api.core.v1.ServiceSpec"] = Definition("ServiceSpec describes the attributes that a user creates on a service.",
                ("selector", Typed(SelectorDoc, "object"))),
            ["io.k8s.api.flowcontrol.v1.FlowSchema"] = Definition("FlowSchema defines the schema of a group of flows.",
                ("spec", Typed("spec is the specification of the desired behavior of a FlowSchema.", "object"))),
            ["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] = Definition("ObjectMeta is metadata that all persisted resources must have.",
                ("name", Typed("Name must be unique within a namespace.", "string"))),
        },
    };

    private static JsonObject Definition(string description, params (string Name, JsonObject Property)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, property) in properties)
        {
            props[name] = property;
        }

        return new JsonObject { ["description"] = description, ["type"] = "object", ["properties"] = props };
    }

    private static JsonObject Ref(string description, string definition) =>
        new() { ["description"] = description, ["$ref"] = $"#/definitions/{definition}" };

    private static JsonObject Typed(string description, string type) =>
        new() { ["description"] = description, ["type"] = type };
}
