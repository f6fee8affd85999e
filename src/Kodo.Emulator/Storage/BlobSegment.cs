namespace Kodo.Emulator.Storage;

/// <summary>One blob of an object made of several (the parts of a multipart upload, the blocks of a resumable one).</summary>
internal sealed record BlobSegment(string BlobId, long Length);
