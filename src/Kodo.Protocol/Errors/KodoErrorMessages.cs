namespace Kodo.Protocol.Errors;

/// <summary>
/// The "error" texts Kodo is known to send. SDKs and tests match some of them literally, so the emulator must use
/// exactly these strings.
/// </summary>
public static class KodoErrorMessages
{
    public const string InvalidArgument = "invalid argument";

    public const string KeyMustBeUtf8 = "key must be utf8 encoding";

    public const string AlreadyEnabled = "already enabled";

    public const string AlreadyDisabled = "already disabled";

    public const string BadToken = "bad token";

    public const string TokenNotSpecified = "token not specified";

    public const string TokenOutOfDate = "token out of date";

    public const string DownloadTokenNotSpecified = "download token not specified";

    public const string DownloadTokenAuthFailed = "download token auth failed";

    public const string KeyDoesNotMatchScope = "key doesn't match scope";

    public const string RequestTimeTooSkewed = "request time too skewed";

    public const string DocumentNotFound = "Document not found";

    public const string NoSuchFileOrDirectory = "no such file or directory";

    public const string NoSuchUploadId = "no such uploadId";

    public const string FileExists = "file exists";

    public const string NoSuchBucket = "no such bucket";
}
