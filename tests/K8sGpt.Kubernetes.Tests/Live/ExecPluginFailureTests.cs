using K8sGpt.Core.Analysis;
using K8sGpt.Kubernetes.Live;

namespace K8sGpt.Kubernetes.Tests.Live;

public sealed class ExecPluginFailureTests
{
    [Fact]
    public void Credential_plugin_that_prints_no_json_is_one_plain_line_without_a_stack_trace()
    {
        var directory = Directory.CreateTempSubdirectory("k8sgpt-exec-").FullName;
        try
        {
            var kubeconfig = Path.Combine(directory, "kubeconfig");
            File.WriteAllText(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:6443"}
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: /bin/echo
                      args: ["not json"]
                contexts:
                - name: prod
                  context: {cluster: c, user: u}
                """);

            var error = Assert.Throws<ClusterAccessException>(() => KubeConfigResolver.Resolve(new LiveClusterOptions { KubeConfigPath = kubeconfig, Environment = static _ => null }));

            Assert.DoesNotContain('\n', error.Message);
            Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
            Assert.StartsWith("kubeconfig context \"prod\" is not usable: external exec failed", error.Message, StringComparison.Ordinal);
            Assert.Contains("'not json' is an invalid JSON literal", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("outer: System.Text.Json.JsonException: 'x' is invalid.\n ---> inner\n   at Foo()", "outer: 'x' is invalid.")]
    [InlineData("plain message", "plain message")]
    public void Plain_message_keeps_the_first_line_without_type_names(string message, string expected) =>
        Assert.Equal(expected, PlainMessage.Of(message));
}
