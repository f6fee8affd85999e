using Kodo.Emulator.Storage;

namespace Kodo.Emulator.S3;

/// <summary>A request body stored as a sealed blob, with the MD5 the S3 face reports as its ETag.</summary>
internal sealed record ReceivedBlob(StagedBlob Blob, byte[] Md5) : IDisposable
{
    public void Dispose() => Blob.Dispose();
}
