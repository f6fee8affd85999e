namespace Kodo.Protocol.Hashing;

/// <summary>A multipart upload part as EtagV2 needs it: its size in bytes and its qetag.</summary>
public readonly record struct PartEtag(long Size, string Etag);
