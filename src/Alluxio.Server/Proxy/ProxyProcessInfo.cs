namespace Alluxio.Server.Proxy;

/// <summary>Who the proxy is: where it serves and since when.</summary>
internal sealed record ProxyProcessInfo(string Hostname, string BindHost, int WebPort, DateTimeOffset StartTime)
{
    /// <summary>Where clients reach the S3 API: alluxio.proxy.web.hostname and port.</summary>
    public string S3Endpoint { get; } = $"http://{Hostname}:{WebPort}/api/v1/s3";
}
