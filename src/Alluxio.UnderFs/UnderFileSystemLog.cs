using Alluxio.Errors;
using Microsoft.Extensions.Logging;

namespace Alluxio.UnderFs;

/// <summary>Log messages of the UFS layer (event ids 2000-2099).</summary>
internal static partial class UnderFileSystemLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "UFS {Operation} of {Path} took {ElapsedMs} ms")]
    public static partial void SlowCall(ILogger logger, string operation, string path, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "UFS {Operation} of {Path} failed ({ErrorType}): {Error}")]
    public static partial void CallFailed(ILogger logger, string operation, string path, ErrorType errorType, string error);
}
