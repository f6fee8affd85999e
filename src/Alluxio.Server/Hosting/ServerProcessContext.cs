using System.Diagnostics.Metrics;
using Alluxio.Configuration;
using Alluxio.Server.Logging;
using Alluxio.Server.Web;

namespace Alluxio.Server.Hosting;

/// <summary>
/// What every server process (master, worker, proxy) is wired with from its start: the secrets to scrub, the log
/// (and its run-time levels), one meter, the clock, and the one way a failed start is reported.
/// </summary>
internal sealed partial class ServerProcessContext : IDisposable
{
    private readonly string _processName;

    private ServerProcessContext(AlluxioConfiguration configuration, string processName, string meterName)
    {
        _processName = processName;
        Configuration = configuration;
        Secrets.AddFrom(configuration);
        LoggerFactory = ServerLogging.Create(configuration, processName, Secrets, LogLevels, out var logFile);
        LogFile = logFile;
        Logger = LoggerFactory.CreateLogger($"Alluxio.{char.ToUpperInvariant(processName[0])}{processName[1..]}.Process");
        Meter = new Meter(meterName);
    }

    public AlluxioConfiguration Configuration { get; }

    public KnownSecrets Secrets { get; } = new();

    public LogLevels LogLevels { get; } = new();

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The process's own log lines (start, serving, stop).</summary>
    public ILogger Logger { get; }

    public string LogFile { get; }

    public Meter Meter { get; }

    public TimeProvider Time { get; } = TimeProvider.System;

    public WebServices Web => new(Secrets, LogLevels);

    /// <param name="processName">master, worker or proxy: names the log file and the logger.</param>
    public static ServerProcessContext Create(AlluxioConfiguration configuration, string processName, string meterName) =>
        new(configuration, processName, meterName);

    /// <summary>Logs why the process could not start and prints it as one line naming the log; returns the exit code, 1.</summary>
    public async Task<int> FailedToStartAsync(string reason, Exception exception)
    {
        var message = Secrets.Scrub(reason);
        LogStartFailed(Logger, _processName, message, exception);
        await Console.Error.WriteLineAsync($"Error: {message} (details in {LogFile})").ConfigureAwait(false);
        return 1;
    }

    public void Dispose()
    {
        Meter.Dispose();
        LoggerFactory.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Process} could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string process, string reason, Exception exception);
}
