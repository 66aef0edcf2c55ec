namespace K8sGpt.Core.Tests.Config;

/// <summary>The reference tool's documented example file (inventory §2.3), written the way users have it.</summary>
internal static class ExampleConfig
{
    public const string Yaml = """
        ai:
          defaultprovider: azureopenai
          providers:
            - name: openai
              model: gpt-4o
              password: sk-test-openai
              temperature: 0.7
              topp: 0.5
              topk: 50
              maxtokens: 2048
              customheaders: []
            - name: azureopenai
              model: gpt-4o
              password: azure-key
              baseurl: https://my-resource.openai.azure.com
              engine: my-deployment
              azureapitype: AZURE
              azureapiversion: "2024-06-01"   # quote it, or YAML may read a date
              proxyEndpoint: http://proxy.internal:3128
              temperature: 0.2
              customheaders:
                - X-Team: [platform]
            - name: amazonbedrockconverse
              model: anthropic.claude-3-5-sonnet-20240620-v1:0
              providerregion: us-east-1
              maxtokens: 1024
              stopsequences: ["###"]
              customheaders: []
        active_filters:
          - Pod
          - Deployment
          - Service
          - PrometheusConfigValidate      # integration analyzers appear here when activated
        cache:
          currentCacheType: s3
          s3:
            region: eu-west-1
            bucketname: k8sgpt-cache
            endpoint: ""
            insecure: false
        custom_analyzers:
          - name: host-analyzer
            connection:
              url: localhost
              port: 8085
        kubecontext: ""
        kubeconfig: ""
        verbose: false
        version: dev
        commit: HEAD
        date: unknown

        """;
}
