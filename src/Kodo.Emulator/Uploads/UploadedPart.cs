using Kodo.Emulator.Storage;

namespace Kodo.Emulator.Uploads;

/// <summary>One part of a multipart upload; its etag is the qetag of its bytes.</summary>
internal sealed record UploadedPart(int Number, long Size, string Etag, string Md5, StagedBlob Blob, long PutTime);
