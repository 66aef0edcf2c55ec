using System.Net;
using System.Net.Sockets;

namespace K8sGpt.Testing.FakeAi;

/// <summary>
/// A loopback port that refuses connections for as long as this object lives: the socket is bound (so nothing
/// else can take the port) but never listens.
/// </summary>
public sealed class RefusedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public void Dispose() => _socket.Dispose();
}
