using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace K8sGpt.Server.Hosting;

/// <summary>
/// The server's Kestrel endpoints by role. Each connection is tagged with its endpoint's role so requests can be
/// routed by port; after start the endpoints hold the ports actually bound (port 0 asks for a free one).
/// </summary>
internal sealed class BoundEndpoints
{
    public const string RoleKey = "k8sgpt.endpoint";

    private readonly Dictionary<string, ListenOptions> _byRole = new(StringComparer.Ordinal);

    public void Add(string role, ListenOptions listen)
    {
        listen.Use(next => connection =>
        {
            connection.Items[RoleKey] = role;
            return next(connection);
        });
        _byRole[role] = listen;
    }

    public bool Has(string role) => _byRole.ContainsKey(role);

    public int Port(string role) => _byRole[role].IPEndPoint?.Port ?? 0;
}
