using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.BlockStore;

/// <summary>The block store's log messages, source-generated; event ids 4000-4099 belong to this assembly.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Opened block folder {Folder} of tier {Tier}: {Blocks} blocks, {UsedBytes} of {Capacity} bytes used")]
    public static partial void DirOpened(ILogger logger, string folder, string tier, int blocks, long usedBytes, long capacity);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Deleted the unfinished blocks left in {Folder}")]
    public static partial void TempBlocksDeleted(ILogger logger, string folder);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Ignored {File}: its name is not a block id")]
    public static partial void ForeignFileIgnored(ILogger logger, string file);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Ignored {File}: block {BlockId} is already in {OtherFolder}")]
    public static partial void DuplicateBlockIgnored(ILogger logger, string file, long blockId, string otherFolder);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Block folder {Folder} holds {UsedBytes} bytes, more than its quota of {Capacity}; writes will evict")]
    public static partial void DirOverQuota(ILogger logger, string folder, long usedBytes, long capacity);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Evicted block {BlockId} ({Length} bytes) from {Folder}")]
    public static partial void BlockEvicted(ILogger logger, long blockId, long length, string folder);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Could not delete the file of block {BlockId} at {File}; the store no longer counts it")]
    public static partial void BlockFileNotDeleted(ILogger logger, Exception exception, long blockId, string file);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Committed block {BlockId} ({Length} bytes) in {Folder}")]
    public static partial void BlockCommitted(ILogger logger, long blockId, long length, string folder);
}
