using Alluxio.Errors;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker;

/// <summary>The worker's log messages, source-generated; event ids 4100-4199 belong to the worker process's code.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Cannot reach the master at {Master}: {Reason} Retrying quietly until it answers.")]
    public static partial void MasterUnreachable(ILogger logger, string master, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reached the master at {Master} again")]
    public static partial void MasterReachable(ILogger logger, string master);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Registered with the master at {Master} as worker {WorkerId} with {Blocks} blocks")]
    public static partial void Registered(ILogger logger, string master, long workerId, int blocks);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Caching block {BlockId} from {UfsPath} failed ({ErrorType}): {Reason}")]
    public static partial void FillFailed(ILogger logger, long blockId, string ufsPath, ErrorType errorType, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Stopped caching the blocks of file {FileId} written to {UfsPath} ({ErrorType}): {Reason}; the UFS write goes on")]
    public static partial void CacheThroughStopped(ILogger logger, long fileId, string ufsPath, ErrorType errorType, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Abandoning the UFS file {UfsPath} failed: {Reason}")]
    public static partial void UfsAbortFailed(ILogger logger, string ufsPath, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Persisted file {FileId} to {UfsPath}")]
    public static partial void Persisted(ILogger logger, long fileId, string ufsPath);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Persisting file {FileId} to {UfsPath} failed ({ErrorType}): {Reason}")]
    public static partial void PersistFailed(ILogger logger, long fileId, string ufsPath, ErrorType errorType, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Loading block {BlockId} failed ({ErrorType}): {Reason}")]
    public static partial void LoadFailed(ILogger logger, long blockId, ErrorType errorType, string reason);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Error, Message = "A command of the master failed unexpectedly")]
    public static partial void CommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "Block {BlockId} to free is not here")]
    public static partial void FreeMissing(ILogger logger, long blockId);
}
