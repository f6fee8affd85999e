using Alluxio.Configuration;
using Serilog;
using Serilog.Extensions.Logging;

namespace Alluxio.Server.Logging;

/// <summary>
/// Logs to ${alluxio.logs.dir}/&lt;process&gt;.log through Serilog's file sink (rolled at 10 MB, 10 kept), every line
/// scrubbed of known secrets; which lines are written is decided by <see cref="LogLevels"/>, which logLevel changes.
/// </summary>
internal static class ServerLogging
{
    public static ILoggerFactory Create(AlluxioConfiguration configuration, string processName, KnownSecrets secrets, LogLevels levels, out string logFile)
    {
        var directory = configuration.Get(PropertyKeys.LogsDir);
        Directory.CreateDirectory(directory);
        logFile = Path.Combine(directory, processName + ".log");
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .WriteTo.File(
                new RedactingFormatter(secrets),
                logFile,
                fileSizeLimitBytes: 10L << 20,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 10,
                flushToDiskInterval: TimeSpan.FromSeconds(1))
            .CreateLogger();
        // AddSerilog adds a Trace rule of its own for its provider, which outranks a rule for all providers; ours is
        // added for the same provider after it, so that it is the one that applies.
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddSerilog(logger, dispose: true)
            .AddFilter<SerilogLoggerProvider>(levels.IsEnabled));
    }
}
