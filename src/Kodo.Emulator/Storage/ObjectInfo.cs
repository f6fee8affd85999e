namespace Kodo.Emulator.Storage;

/// <summary>What Kodo knows of one object; <see cref="BlobId"/> names its content in the blob storage.</summary>
/// <param name="PutTime">Units of 100 ns since the Unix epoch, as Kodo reports it.</param>
/// <param name="Md5">Hex MD5 of the content; Kodo reports it only for form uploads.</param>
internal sealed record ObjectInfo(
    string Bucket,
    string Key,
    long Size,
    string Hash,
    string MimeType,
    long PutTime,
    string? Md5,
    IReadOnlyDictionary<string, string> Meta,
    string BlobId,
    int Type = 0,
    string? EndUser = null);
