namespace Kodo.Client;

/// <summary>
/// What stat and list tell about an object. <see cref="PutTime"/> is converted from Kodo's 100-ns units since the
/// Unix epoch; <see cref="Md5"/> exists only for objects made by a form upload.
/// </summary>
public sealed record KodoObjectInfo(string Key, long Size, string Hash, string MimeType, DateTimeOffset PutTime, string? Md5)
{
    /// <summary>Converts Kodo's putTime (100-ns ticks since 1970-01-01 UTC).</summary>
    public static DateTimeOffset FromPutTime(long putTime) => DateTimeOffset.UnixEpoch.AddTicks(putTime);
}
