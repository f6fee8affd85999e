using Alluxio.Client;

namespace Alluxio.Server.Proxy.S3;

/// <summary>What a write of an object produced: its quoted ETag and its status.</summary>
internal sealed record S3PutResult(string ETag, UriStatus Status);
