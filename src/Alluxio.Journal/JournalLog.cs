using Microsoft.Extensions.Logging;

namespace Alluxio.Journal;

/// <summary>The journal's log messages, source-generated; event ids 3000-3099 belong to this assembly.</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Formatted an empty journal in {Folder}")]
    public static partial void Formatted(ILogger logger, string folder);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Restored checkpoint {Index} of the journal in {Folder}")]
    public static partial void CheckpointRestored(ILogger logger, long index, string folder);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Opened the journal in {Folder} at index {Index}, listening on {EndPoint}")]
    public static partial void Opened(ILogger logger, string folder, long index, System.Net.EndPoint endPoint);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Applying journal entry {Index} failed; the entry stays in the journal and the state is what the failed apply left")]
    public static partial void ApplyFailed(ILogger logger, long index, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Wrote checkpoint {Index} of the journal in {Folder} ({Bytes} bytes)")]
    public static partial void CheckpointWritten(ILogger logger, long index, string folder, long bytes);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Writing a checkpoint of the journal in {Folder} at index {Index} failed; the next period tries again")]
    public static partial void CheckpointFailed(ILogger logger, string folder, long index, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Closed the journal in {Folder} at index {Index}")]
    public static partial void Closed(ILogger logger, string folder, long index);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "The journal in {Folder} stopped: {Reason}")]
    public static partial void Failed(ILogger logger, string folder, string reason, Exception exception);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "The journal in {Folder} keeps its log files of {Bytes} bytes; the configured {ConfiguredBytes} applies to a new journal only")]
    public static partial void KeptLogFileSize(ILogger logger, string folder, long bytes, long configuredBytes);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Reclaimed checkpoint {Path}")]
    public static partial void CheckpointReclaimed(ILogger logger, string path);
}
