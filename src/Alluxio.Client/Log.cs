using Microsoft.Extensions.Logging;

namespace Alluxio.Client;

/// <summary>The client's log messages, source-generated; event ids 3000-3099 belong to this assembly.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Master call {Method} to {Target} failed with {Status}; retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void RetryingCall(ILogger logger, string method, string target, string status, long delayMs, int attempt);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Opened a channel to the master at {Target}")]
    public static partial void ChannelOpened(ILogger logger, string target);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Could not send the client's metrics to the master; the next heartbeat carries them: {Reason}")]
    public static partial void MetricsHeartbeatFailed(ILogger logger, string reason);
}
