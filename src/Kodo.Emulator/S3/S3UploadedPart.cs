using Kodo.Emulator.Storage;

namespace Kodo.Emulator.S3;

/// <summary>One part of an S3 multipart upload: its content, staged but not yet an object's, and its digests.</summary>
internal sealed record S3UploadedPart(int Number, StagedBlob Blob, byte[] Md5, string Qetag, DateTimeOffset LastModified)
{
    public long Size => Blob.Size;

    public string ETag => global::S3.Protocol.S3ETag.FromMd5(Md5);
}
