using S3.Protocol.Errors;

namespace Alluxio.Server.Proxy.S3;

/// <summary>What became of one key of a DeleteObjects request: deleted, or the error it met.</summary>
internal sealed record S3DeleteOutcome(string Key, S3Exception? Error);
