using Microsoft.Extensions.Logging;

namespace Alluxio.UnderFs.Tests;

/// <summary>Log lines a test's stand-in for production code writes.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Text}")]
    public static partial void Error(ILogger logger, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text}")]
    public static partial void Warning(ILogger logger, string text);
}
