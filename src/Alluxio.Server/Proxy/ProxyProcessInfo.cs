namespace Alluxio.Server.Proxy;

/// <summary>Who the proxy is: where it serves and since when.</summary>
internal sealed record ProxyProcessInfo(string Hostname, string BindHost, int WebPort, DateTimeOffset StartTime);
