using Microsoft.Extensions.Logging;

namespace Kodo.Client;

/// <summary>The client's log messages, source-generated; event ids 7100-7199 belong to this assembly.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Kodo {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Kodo bucket {Bucket} is served by up {Up}, rs {Rs}, rsf {Rsf} for {TtlSeconds} s")]
    public static partial void RegionResolved(ILogger logger, string bucket, string up, string rs, string rsf, long ttlSeconds);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Kodo read of {Key} lost its connection at offset {Offset}; reopening ({Attempt})")]
    public static partial void ReadReopening(ILogger logger, string key, long offset, int attempt);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Kodo multipart upload of {Key} failed and is aborted")]
    public static partial void UploadAborting(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Kodo abort of the multipart upload of {Key} failed; the upload expires on its own")]
    public static partial void AbortFailed(ILogger logger, string key, Exception exception);
}
